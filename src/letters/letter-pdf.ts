/**
 * A letter as an A4 PDF on the shared 公文 page (embedded CJK fonts, GB/T 9704 margins, page numbers):
 * the title centred, 正文 indented two characters at a fixed line pitch, the 落款 right-aligned.
 */
import { letterLayout } from "../core/letter/letter-layout.ts";
import { openCjkPdf, PDF_BODY, PDF_HEADING, PDF_MARGINS, PDF_TEXT_WIDTH } from "../writers/pdf-document.ts";
import type { LetterText } from "./letter-docx.ts";

const BODY_SIZE = 16;
const LINE_PITCH = 28;

/** Writes a letter as a PDF whose text can be extracted. */
export async function writeLetterPdf(letter: LetterText): Promise<Uint8Array> {
  const layout = letterLayout(letter.body);
  const { doc, finish } = await openCjkPdf({ title: letter.title, subject: "政府信息公开申请处理文书" });
  doc.font(PDF_HEADING).fontSize(22);
  doc.text(letter.title, PDF_MARGINS.left, PDF_MARGINS.top, {
    width: PDF_TEXT_WIDTH,
    align: "center",
    lineGap: 10,
  });
  doc.y += LINE_PITCH / 2;
  doc.font(PDF_BODY).fontSize(BODY_SIZE);
  const gap = Math.max(0, LINE_PITCH - doc.currentLineHeight(false));
  const write = (text: string, options: PDFKit.Mixins.TextOptions) =>
    doc.text(text, PDF_MARGINS.left, doc.y, { width: PDF_TEXT_WIDTH, lineGap: gap, ...options });
  if (layout.salutation !== null) write(layout.salutation, {});
  for (const p of layout.paragraphs) write(p, { indent: 2 * BODY_SIZE });
  if (layout.signature.length > 0) doc.y += LINE_PITCH;
  // 成文日期右空四字: the 落款 ends four characters before the right margin.
  for (const s of layout.signature) {
    doc.text(s, PDF_MARGINS.left, doc.y, {
      width: PDF_TEXT_WIDTH - 4 * BODY_SIZE,
      lineGap: gap,
      align: "right",
    });
  }
  for (const n of layout.notes) write(n, { indent: 2 * BODY_SIZE });
  return finish();
}
