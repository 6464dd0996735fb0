/**
 * The free CJK fonts the PDF writer embeds: Noto Serif SC (SIL OFL 1.1) from the npm package
 * @expo-google-fonts/noto-serif-sc, a dependency, so `npm install` brings them and no system package is
 * needed. Each file (about 14 MB) is read once per process and its bytes kept for every later PDF.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** The npm package the font files come from. */
export const PDF_FONT_PACKAGE = "@expo-google-fonts/noto-serif-sc";

/** A static TrueType font file inside the font package. */
export interface PdfFont {
  /** The file's path inside the package. */
  readonly file: string;
  /** The PostScript name of the face, as pdffonts lists it. */
  readonly postscriptName: string;
}

/** Body text and tables: Noto Serif SC Regular (a Song face, weight 400). */
export const PDF_BODY_FONT: PdfFont = {
  file: "400Regular/NotoSerifSC_400Regular.ttf",
  postscriptName: "NotoSerifSC-Regular",
};

/** Title and section headings: Noto Serif SC Bold (weight 700, close to the 小标宋 of 公文 titles). */
export const PDF_HEADING_FONT: PdfFont = {
  file: "700Bold/NotoSerifSC_700Bold.ttf",
  postscriptName: "NotoSerifSC-Bold",
};

const require = createRequire(import.meta.url);

/** Font bytes already read, by file. */
const loaded = new Map<string, Buffer>();

/** The font file's bytes (read once per process), or an Error in Chinese saying to run npm install. */
export function pdfFontBytes(font: PdfFont, packageName: string = PDF_FONT_PACKAGE): Buffer {
  const key = `${packageName}/${font.file}`;
  const known = loaded.get(key);
  if (known) return known;
  let bytes: Buffer;
  try {
    bytes = readFileSync(require.resolve(key));
  } catch {
    throw new Error(
      `生成 PDF 需要 npm 软件包 ${packageName} 中的中文字体文件 ${font.file}，但未找到。请在项目目录运行 npm install（或 npm ci）。`,
    );
  }
  loaded.set(key, bytes);
  return bytes;
}
