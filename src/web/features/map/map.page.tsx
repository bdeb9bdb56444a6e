export function MapPage() {
  return <div>MapPage</div>;
}
