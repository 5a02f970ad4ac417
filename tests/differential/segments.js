// Reads a JSON array of messages on stdin; prints [{encoding, segments, bits}] from Twilio's calculator.
const { SegmentedMessage } = require('sms-segments-calculator');
let input = '';
process.stdin.on('data', (d) => { input += d; });
process.stdin.on('end', () => {
  const out = JSON.parse(input).map((text) => {
    const m = new SegmentedMessage(text);
    return { encoding: m.encodingName, segments: m.segmentsCount, bits: m.messageSize };
  });
  process.stdout.write(JSON.stringify(out));
});
