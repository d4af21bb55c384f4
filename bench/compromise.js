// Prints, as one JSON object by file, the people, places and organisations that the npm package
// compromise finds in each Markdown file given, as byte offsets with the CoNLL-2003 types.
const fs = require('fs');
const nlp = require('compromise');
const out = {};
for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file, 'utf8');
  const doc = nlp(text);
  const spans = [];
  for (const [type, view] of [['PER', doc.people()], ['LOC', doc.places()], ['ORG', doc.organizations()]]) {
    for (const m of view.out('offset')) {
      // Its matches keep the punctuation and spaces around the words ("Grace Road,"): trim them.
      let a = m.offset.start, b = m.offset.start + m.offset.length;
      while (a < b && !/[\p{L}\p{N}]/u.test(text[a])) a++;
      while (b > a && !/[\p{L}\p{N}]/u.test(text[b - 1])) b--;
      if (a === b) continue;
      const start = Buffer.byteLength(text.slice(0, a));
      spans.push({start, end: start + Buffer.byteLength(text.slice(a, b)), type});
    }
  }
  out[file] = spans;
}
process.stdout.write(JSON.stringify(out));
