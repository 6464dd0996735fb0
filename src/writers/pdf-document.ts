/**
 * The A4 公文 page every generated PDF shares: GB/T 9704 margins, the embedded free CJK fonts registered as
 * "body" (Noto Serif SC Regular) and "heading" (Noto Serif SC Bold), the page numbers "— n —", and the bytes
 * at the end.
 */
import { PDF_BODY_FONT, PDF_HEADING_FONT, pdfFontBytes } from "./pdf-fonts.ts";

/** Points per millimetre. */
export const PDF_MM = 72 / 25.4;

/** A4 in points. */
export const PDF_PAGE = { width: 595.28, height: 841.89 } as const;

/** GB/T 9704 margins (37/35/28/26 mm) in points. */
export const PDF_MARGINS = {
  top: 37 * PDF_MM,
  bottom: 35 * PDF_MM,
  left: 28 * PDF_MM,
  right: 26 * PDF_MM,
} as const;

/** Width of the text area. */
export const PDF_TEXT_WIDTH = PDF_PAGE.width - PDF_MARGINS.left - PDF_MARGINS.right;

/** Bottom of the text area. */
export const PDF_PAGE_BOTTOM = PDF_PAGE.height - PDF_MARGINS.bottom;

/** Registered name of the body font. */
export const PDF_BODY = "body";

/** Registered name of the heading font. */
export const PDF_HEADING = "heading";

/** A PDF being written, and how to end it and get its bytes. */
export interface CjkPdf {
  readonly doc: PDFKit.PDFDocument;
  /** Numbers the pages, ends the document and resolves to its bytes. */
  finish(): Promise<Uint8Array>;
}

/** Opens an A4 PDF with the CJK fonts embedded (throws saying to run npm install when a font is missing). */
export async function openCjkPdf(info: {
  readonly title: string;
  readonly subject: string;
}): Promise<CjkPdf> {
  // pdfkit (slow to load) is imported when a PDF is written, not when the server starts.
  const { default: PDFDocument } = await import("pdfkit");
  const bodyFont = pdfFontBytes(PDF_BODY_FONT);
  const headingFont = pdfFontBytes(PDF_HEADING_FONT);
  const doc = new PDFDocument({
    size: "A4",
    margins: PDF_MARGINS,
    bufferPages: true,
    lang: "zh-CN",
    displayTitle: true,
    info: { Title: info.title, Creator: "Gongkai", Subject: info.subject },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
  });
  doc.registerFont(PDF_BODY, bodyFont);
  doc.registerFont(PDF_HEADING, headingFont);
  return {
    doc,
    finish: () => {
      numberPages(doc);
      doc.end();
      return done;
    },
  };
}

/** Writes the page numbers "— n —" under the text area of every page, as 公文 do. */
function numberPages(doc: PDFKit.PDFDocument): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(PDF_BODY).fontSize(14);
    doc.text(`— ${i + 1} —`, PDF_MARGINS.left, PDF_PAGE_BOTTOM + 7 * PDF_MM, {
      width: PDF_TEXT_WIDTH,
      align: "center",
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}
