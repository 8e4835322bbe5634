import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { messageOf } from '../../app/errors';
import { refusedField, schemaErrors } from './entityForm';

/**
 * The state of a customer or contract form: the typed values, each field's problem
 * once it has been left (or the form sent), and the desk's refusal beside the field it
 * names, or under the form when it names none.
 */
export function useEntityForm<Field extends string, Entity, Saved>({
  labels,
  initial,
  schema,
  entityOf,
  save,
  onSaved,
}: {
  labels: Readonly<Record<Field, string>>;
  initial: () => Record<Field, string>;
  /** The bundle's schema of the entity: the same words as `load` and the command line. */
  schema: z.ZodType;
  entityOf: (values: Record<Field, string>) => Entity;
  save: (entity: Entity) => Promise<Saved>;
  onSaved: (saved: Saved) => void;
}) {
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<Field>>(new Set());
  const [refusal, setRefusal] = useState<{ field: Field | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = Object.keys(labels) as Field[];
  const errors = schemaErrors(schema, entityOf(values), labels);

  /** What a TextField of the form needs: its label, value and problem. */
  const fieldProps = (name: Field) => ({
    label: labels[name],
    value: values[name],
    onChange: (value: string) => {
      setValues((current) => ({ ...current, [name]: value }));
      if (refusal?.field === name) setRefusal(null);
    },
    onBlur: () => setTouched((current) => new Set(current).add(name)),
    error:
      (touched.has(name) ? errors[name] : undefined) ??
      (refusal?.field === name ? refusal.message : null),
  });

  const send = async () => {
    setTouched(new Set(fields));
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    setRefusal(null);
    try {
      onSaved(await save(entityOf(values)));
    } catch (error) {
      const message = messageOf(error);
      setRefusal({ field: refusedField(message, fields) as Field | null, message });
    } finally {
      setBusy(false);
    }
  };

  return {
    values,
    fieldProps,
    busy,
    /** A refusal about no one field. */
    formError: refusal !== null && refusal.field === null ? refusal.message : null,
    submit: (event: FormEvent) => {
      event.preventDefault();
      void send();
    },
  };
}
