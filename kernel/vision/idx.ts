// The IDX files MNIST and Fashion-MNIST come in (yann.lecun.com/exdb/mnist): a magic number
// (two zero bytes, the element type, the number of dimensions), the dimensions as big-endian
// int32s, then the elements. Only unsigned bytes (type 0x08) occur in these datasets. Files may
// be gzipped (.gz), as they are downloaded and as Debian ships them.
import * as fs from "fs";
import * as zlib from "zlib";

export interface IdxArray { shape: number[]; data: Uint8Array }

const UBYTE = 0x08;

/** Reads an IDX file of unsigned bytes, gzipped or not; a damaged file is an error naming it. */
export function readIdx(file: string): IdxArray {
  let bytes: Buffer = fs.readFileSync(file);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = zlib.gunzipSync(bytes);
    } catch (e) {
      throw new Error(`${file}: not a complete gzip file (${(e as Error).message}); delete it and download it again`);
    }
  }
  if (bytes.length < 4 || bytes[0] !== 0 || bytes[1] !== 0) throw new Error(`${file}: not an IDX file (it does not start with the IDX magic number)`);
  if (bytes[2] !== UBYTE) throw new Error(`${file}: IDX element type 0x${bytes[2].toString(16)}; only unsigned bytes (0x08) are supported`);
  const dims = bytes[3];
  const shape: number[] = [];
  for (let d = 0; d < dims; d++) shape.push(bytes.readUInt32BE(4 + 4 * d));
  const start = 4 + 4 * dims;
  const count = shape.reduce((a, b) => a * b, 1);
  if (bytes.length - start !== count) {
    throw new Error(`${file}: the header announces ${count} bytes of data (${shape.join("×")}) but the file holds ${bytes.length - start}; it is damaged or cut short`);
  }
  return { shape, data: new Uint8Array(bytes.buffer, bytes.byteOffset + start, count) };
}
