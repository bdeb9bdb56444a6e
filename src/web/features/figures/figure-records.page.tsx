export function FigureRecordsPage() {
  return <div>FigureRecordsPage</div>;
}
