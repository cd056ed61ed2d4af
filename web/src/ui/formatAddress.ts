interface AddressLike {
  name: string;
  line1: string;
  line2?: string | null;
  city: string;
  postalCode: string;
  country: string;
}

/** One line, as on a parcel label: "Ada Guest, 1 Loop Road, 12345 Springfield, US". */
export function formatAddress(a: AddressLike): string {
  return [a.name, a.line1, a.line2, `${a.postalCode} ${a.city}`, a.country].filter(Boolean).join(', ');
}
