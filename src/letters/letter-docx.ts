/**
 * A letter as DOCX in 公文 style (GB/T 9704-2012): A4 with its margins, the title in 方正小标宋简体 二号
 * centred, the text in 仿宋_GB2312 三号 at a fixed 29 pt line, 正文 indented two characters, the 落款
 * right-aligned four characters from the margin (成文日期右空四字), page numbers "— n —".
 */
import { AlignmentType, Document, LineRuleType, Packer, Paragraph, TextRun } from "docx";
import { letterLayout } from "../core/letter/letter-layout.ts";
import { DOCX_FONTS, gongwenSection } from "../writers/docx-writer.ts";

/** A letter's final text. */
export interface LetterText {
  readonly title: string;
  readonly body: string;
}

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });
/** 三号 (16 pt) in half-points; one character is 320 twips; the fixed line pitch of 29 pt in twips. */
const BODY_SIZE = 32;
const CHAR = 320;
const BODY_LINE = 580;

/** A paragraph of body text with the given alignment and indents. */
function line(
  text: string,
  options: { align?: "left" | "right"; firstLine?: number; right?: number },
): Paragraph {
  return new Paragraph({
    alignment: options.align === "right" ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
    indent: { firstLine: options.firstLine ?? 0, right: options.right ?? 0 },
    children: [new TextRun(text)],
  });
}

/** The document of a letter. */
function buildDocument(letter: LetterText): Document {
  const layout = letterLayout(letter.body);
  const children: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 720, lineRule: LineRuleType.EXACT, before: 0, after: BODY_LINE },
      indent: { firstLine: 0 },
      children: [new TextRun({ text: letter.title, font: font(DOCX_FONTS.title), size: 44 })],
    }),
  ];
  if (layout.salutation !== null) children.push(line(layout.salutation, {}));
  for (const p of layout.paragraphs) children.push(line(p, { firstLine: 2 * CHAR }));
  if (layout.signature.length > 0) children.push(line("", {}));
  for (const s of layout.signature) children.push(line(s, { align: "right", right: 4 * CHAR }));
  for (const n of layout.notes) children.push(line(n, { firstLine: 2 * CHAR }));
  return new Document({
    title: letter.title,
    creator: "Gongkai",
    description: "政府信息公开申请处理文书",
    styles: {
      default: {
        document: {
          run: {
            font: font(DOCX_FONTS.body),
            size: BODY_SIZE,
            language: { value: "zh-CN", eastAsia: "zh-CN" },
          },
          paragraph: { spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
        },
      },
    },
    sections: [{ ...gongwenSection(), children }],
  });
}

/** Writes a letter as a DOCX document in 公文 style. */
export async function writeLetterDocx(letter: LetterText): Promise<Uint8Array> {
  const buffer = await Packer.toBuffer(buildDocument(letter));
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
