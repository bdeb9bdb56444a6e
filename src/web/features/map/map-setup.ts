/** ECharts with the map's parts added (geo, lines, scatter): loaded by the map page only. */
import { LinesChart, ScatterChart } from 'echarts/charts';
import { GeoComponent } from 'echarts/components';
import { echarts } from '../../components/echarts-setup';

echarts.use([GeoComponent, LinesChart, ScatterChart]);

export { echarts };
