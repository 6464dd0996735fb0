/**
 * The free CJK fonts the PDF writer embeds, from Debian packages (README and CI install them by name).
 */
import { existsSync } from "node:fs";

/** A font face inside a font collection file, and the Debian package that installs the file. */
export interface PdfFont {
  readonly path: string;
  /** The PostScript name of the face inside the .ttc collection. */
  readonly postscriptName: string;
  readonly debianPackage: string;
}

/** Path of AR PL UMing (a Ming/Song face), package fonts-arphic-uming. */
export const UMING_FONT_PATH = "/usr/share/fonts/truetype/arphic/uming.ttc";

/** Path of WenQuanYi Zen Hei (a Hei face), package fonts-wqy-zenhei. */
export const WQY_ZENHEI_FONT_PATH = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

/** Body text and tables: AR PL UMing CN. */
export const PDF_BODY_FONT: PdfFont = {
  path: UMING_FONT_PATH,
  postscriptName: "UMingCN",
  debianPackage: "fonts-arphic-uming",
};

/** Title and section headings: WenQuanYi Zen Hei. */
export const PDF_HEADING_FONT: PdfFont = {
  path: WQY_ZENHEI_FONT_PATH,
  postscriptName: "WenQuanYiZenHei",
  debianPackage: "fonts-wqy-zenhei",
};

/** Returns the font's path, or throws an Error (in Chinese) naming the Debian package to install. */
export function requireFontFile(font: PdfFont): string {
  if (!existsSync(font.path)) {
    throw new Error(
      `生成 PDF 需要中文字体文件 ${font.path}，但未找到。请安装 Debian 软件包 ${font.debianPackage}（sudo apt-get install ${font.debianPackage}）。`,
    );
  }
  return font.path;
}
