/**
 * Two things antd renders that screen readers and axe rightly flag, mended where React renders or
 * re-renders them:
 * - Form.Item gives `aria-required` to the control of a required field. A Select puts it on its
 *   root <div> as well as on the combobox input inside it, and a Checkbox.Group on its <div>;
 *   neither div has a role that allows it (the input keeps it; the label shows the star).
 * - A scrolling Table copies its header into a hidden measuring row (`aria-hidden`), the header's
 *   "select all" checkbox with it: a focusable control inside hidden content. The copy is made
 *   inert and its controls leave the tab order.
 */
const WRAPPERS = '.ant-select[aria-required], .ant-checkbox-group[aria-required]';
const MEASURE_CONTROLS = '.ant-table-measure-row input:not([tabindex="-1"]), .ant-table-measure-row button';

export function mendAntdAria(root: ParentNode): void {
  for (const element of root.querySelectorAll(WRAPPERS)) element.removeAttribute('aria-required');
  for (const row of root.querySelectorAll('.ant-table-measure-row:not([inert])')) row.setAttribute('inert', '');
  for (const control of root.querySelectorAll(MEASURE_CONTROLS)) control.setAttribute('tabindex', '-1');
}

export function watchAntdAria(root: HTMLElement): () => void {
  mendAntdAria(root);
  const observer = new MutationObserver(() => mendAntdAria(root));
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-required'] });
  return () => observer.disconnect();
}
