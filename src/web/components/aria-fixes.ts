/**
 * antd's Form.Item gives `aria-required` to the control of a required field. A Select puts it on its
 * root <div> as well as on the combobox input inside it, and a Checkbox.Group on its <div>; neither
 * div has a role that allows the attribute, so screen readers and axe flag it (the input keeps it;
 * the group's label says "required" with its star). This takes it off those divs only, wherever
 * React renders or re-renders them.
 */
const WRAPPERS = '.ant-select[aria-required], .ant-checkbox-group[aria-required]';

export function dropWrapperAriaRequired(root: ParentNode): void {
  for (const element of root.querySelectorAll(WRAPPERS)) element.removeAttribute('aria-required');
}

export function watchWrapperAriaRequired(root: HTMLElement): () => void {
  dropWrapperAriaRequired(root);
  const observer = new MutationObserver(() => dropWrapperAriaRequired(root));
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-required'] });
  return () => observer.disconnect();
}
