import type { AddressValues, Errors } from './validation';
import { Field } from './Field';

interface Props {
  value: AddressValues;
  errors: Errors<keyof AddressValues>;
  onChange(value: AddressValues): void;
  legend?: string;
}

export const emptyAddress: AddressValues = { name: '', line1: '', city: '', postalCode: '', country: '' };

export function AddressFields({ value, errors, onChange, legend = 'Shipping address' }: Props) {
  const set = (key: keyof AddressValues) => (e: { target: { value: string } }) => onChange({ ...value, [key]: e.target.value });
  return (
    <fieldset>
      <legend>{legend}</legend>
      <Field label="Full name" autoComplete="name" value={value.name} onChange={set('name')} error={errors.name} />
      <Field label="Street" autoComplete="address-line1" value={value.line1} onChange={set('line1')} error={errors.line1} />
      <Field label="City" autoComplete="address-level2" value={value.city} onChange={set('city')} error={errors.city} />
      <Field label="Postal code" autoComplete="postal-code" value={value.postalCode} onChange={set('postalCode')} error={errors.postalCode} />
      <Field
        label="Country"
        autoComplete="country"
        maxLength={2}
        placeholder="US"
        value={value.country}
        onChange={set('country')}
        error={errors.country}
      />
    </fieldset>
  );
}
