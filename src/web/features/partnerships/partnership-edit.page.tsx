export function PartnershipCreatePage() {
  return <div>new</div>;
}
export function PartnershipEditPage() {
  return <div>edit</div>;
}
