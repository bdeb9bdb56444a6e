export function PartnershipListPage() {
  return <div>PartnershipListPage</div>;
}
