/**
 * Form controls of the anonymous public forms (the request form, the status look-up, the message board): a
 * label, its hint and its error message sit next to the field and are tied to it (aria-describedby,
 * aria-invalid), and a summary at the top links to every field to fix. The HTML limits a form declares
 * (`maxlength`, `required`) are props: the board declares them, the request pages check on the server only.
 */
import type { ReactNode } from "react";

/** Props shared by the controls. */
interface ControlProps {
  readonly name: string;
  readonly label: string;
  readonly hint?: ReactNode;
  readonly error?: string;
}

/** The ids a control's description is made of. */
function describedBy(name: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

/** The hint and the error message of a control. */
function HintAndError({ name, hint, error }: Pick<ControlProps, "name" | "hint" | "error">) {
  return (
    <>
      {hint ? (
        <p className="hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${name}-error`}>
          <span className="visually-hidden">错误：</span>
          {error}
        </p>
      ) : null}
    </>
  );
}

/** The HTML limits a field may declare to the browser (and to assistive technology). */
interface HtmlLimits {
  /** The field's `maxlength` attribute, when the form declares one. */
  readonly maxLength?: number;
  /** Whether the field carries the `required` attribute (besides the visible （必填） mark). */
  readonly requiredAttribute?: boolean;
}

/** A one-line text input. */
export function TextInput({
  name,
  label,
  hint,
  error,
  value,
  type = "text",
  autoComplete,
  inputMode,
  required = false,
  maxLength,
  requiredAttribute,
}: ControlProps &
  HtmlLimits & {
    readonly value?: string;
    readonly type?: "text" | "email" | "tel";
    readonly autoComplete?: string;
    readonly inputMode?: "numeric" | "tel" | "email" | "text";
    readonly required?: boolean;
  }) {
  return (
    <div className={error ? "field has-error" : "field"}>
      <label htmlFor={name}>
        {label}
        {required ? <span className="required">（必填）</span> : null}
      </label>
      <HintAndError name={name} hint={hint} error={error} />
      <input
        className="text-input"
        id={name}
        name={name}
        type={type}
        defaultValue={value ?? ""}
        maxLength={maxLength}
        required={requiredAttribute}
        autoComplete={autoComplete}
        inputMode={inputMode}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
      />
    </div>
  );
}

/** A multi-line text area (always required). */
export function TextArea({
  name,
  label,
  hint,
  error,
  value,
  maxLength,
  requiredAttribute,
}: ControlProps & HtmlLimits & { readonly value?: string }) {
  return (
    <div className={error ? "field has-error" : "field"}>
      <label htmlFor={name}>
        {label}
        <span className="required">（必填）</span>
      </label>
      <HintAndError name={name} hint={hint} error={error} />
      <textarea
        id={name}
        name={name}
        rows={8}
        maxLength={maxLength}
        required={requiredAttribute}
        defaultValue={value ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
      />
    </div>
  );
}

/** A group of radio buttons in a fieldset; the first radio carries the id the error summary links to. */
export function RadioGroup({
  name,
  label,
  hint,
  error,
  value,
  options,
}: ControlProps & {
  readonly value?: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
}) {
  return (
    <fieldset
      className={error ? "radio-group has-error" : "radio-group"}
      aria-describedby={describedBy(name, hint, error)}
    >
      <legend>
        {label}
        <span className="required">（必填）</span>
      </legend>
      <HintAndError name={name} hint={hint} error={error} />
      {options.map((option, i) => (
        <div className="radio" key={option.value}>
          <input
            type="radio"
            id={i === 0 ? name : `${name}-${option.value}`}
            name={name}
            value={option.value}
            defaultChecked={value === option.value}
          />
          <label htmlFor={i === 0 ? name : `${name}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** A select list with an empty first choice. */
export function SelectInput({
  name,
  label,
  hint,
  error,
  value,
  options,
}: ControlProps & {
  readonly value?: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
}) {
  return (
    <div className={error ? "field has-error" : "field"}>
      <label htmlFor={name}>
        {label}
        <span className="required">（必填）</span>
      </label>
      <HintAndError name={name} hint={hint} error={error} />
      <select
        id={name}
        name={name}
        defaultValue={value ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
      >
        <option value="">请选择</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The list of problems at the top of a form, each linking to its field; nothing when there are none. */
export function ErrorSummary({
  errors,
  labels,
  general,
}: {
  readonly errors: Readonly<Record<string, string | undefined>>;
  readonly labels: Readonly<Record<string, string>>;
  readonly general?: string;
}) {
  const entries = Object.entries(errors).filter((e): e is [string, string] => Boolean(e[1]));
  if (entries.length === 0 && !general) return null;
  return (
    <div className="alert" role="alert" id="error-summary" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">
        {entries.length > 0 ? `有 ${entries.length} 处需要修改，请修改后重新提交` : "提交没有成功"}
      </h2>
      {general ? <p>{general}</p> : null}
      {entries.length > 0 ? (
        <ul>
          {entries.map(([field, message]) => (
            <li key={field}>
              <a href={`#${field}`}>
                {labels[field] ?? field}：{message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
