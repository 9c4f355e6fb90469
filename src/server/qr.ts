/** The join link as a QR code (SVG) for the projector. */
import QRCode from 'qrcode';

/** An SVG QR code of `text`. */
export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
