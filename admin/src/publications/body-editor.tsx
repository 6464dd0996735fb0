/**
 * The body of an item: its HTML source in a text area with 段落 / 加粗 / 列表 / 链接 buttons, and a preview
 * (the server sanitises the body; the preview shows the source as the browser reads it).
 */
import { Button, Input, Space } from "antd";
import type { TextAreaRef } from "antd/es/input/TextArea.js";
import { type ReactNode, useRef, useState } from "react";
import { MARKUP_BUTTONS, type MarkupKind, wrapSelection } from "./body-markup.ts";

/** Props of BodyEditor. */
export interface BodyEditorProps {
  readonly id: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
}

/** The body's HTML source with its toolbar. */
export function BodyEditor({ id, value, onChange }: BodyEditorProps): ReactNode {
  const ref = useRef<TextAreaRef>(null);
  const [preview, setPreview] = useState(false);
  const apply = (kind: MarkupKind): void => {
    const area = ref.current?.resizableTextArea?.textArea;
    const start = area?.selectionStart ?? value.length;
    const end = area?.selectionEnd ?? value.length;
    let href = "";
    if (kind === "link") {
      href = window.prompt("链接地址（https://…）", "https://")?.trim() ?? "";
      if (href === "" || href === "https://") return;
    }
    const next = wrapSelection(value, start, end, kind, href);
    onChange(next.text);
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(next.caret, next.caret);
    });
  };
  return (
    <Space orientation="vertical" style={{ width: "100%" }} size={4}>
      <Space size={4} wrap role="toolbar" aria-label="正文格式">
        {MARKUP_BUTTONS.map((b) => (
          <Button key={b.kind} size="small" onClick={() => apply(b.kind)} disabled={preview}>
            {b.label}
          </Button>
        ))}
        <Button size="small" type={preview ? "primary" : "default"} onClick={() => setPreview(!preview)}>
          {preview ? "返回编辑" : "预览"}
        </Button>
      </Space>
      {preview ? (
        <div
          className="publication-body"
          // biome-ignore lint/security/noDangerouslySetInnerHtml: the staff's own draft, shown only to them; the server sanitises it on save.
          dangerouslySetInnerHTML={{ __html: value }}
        />
      ) : (
        <Input.TextArea
          id={id}
          ref={ref}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          autoSize={{ minRows: 8, maxRows: 24 }}
          placeholder="正文（可用 <p>、<strong>、<ul><li>、<a> 等基本格式；保存时服务器会清理不安全的内容）"
          style={{ fontFamily: "monospace" }}
        />
      )}
    </Space>
  );
}
