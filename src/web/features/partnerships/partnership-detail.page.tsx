export function PartnershipDetailPage() {
  return <div>PartnershipDetailPage</div>;
}
