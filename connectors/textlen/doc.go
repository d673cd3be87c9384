// Package textlen measures post texts the way each platform does and says
// whether they fit.
//
// Count is the entry point: it returns a Result with the platform's length,
// its limit and English problems. Each platform counts differently:
//
//   - X: twitter-text v3 weighted length (280; scale 100; code points in
//     [0-4351], [8192-8205], [8208-8223], [8242-8247] weigh 1, others 2;
//     every URL 23; every emoji sequence 2; NFC first). It passes every case
//     of twitter-text's conformance data, kept in testdata/ with its
//     Apache-2.0 licence. ExtractURLs implements twitter-text's URL
//     recognition, with its top-level-domain list embedded from tlds.txt.
//   - Mastodon: grapheme clusters after each URL counts 23 characters
//     (characters_reserved_per_url) and @user@domain counts as @user; the
//     instance's max_characters, 500 by default.
//   - Bluesky: 300 grapheme clusters and 3,000 UTF-8 bytes.
//   - Facebook 63,206 code points; LinkedIn 3,000 code points once escaped
//     for its "little" text format (EscapeLittleText); Threads 500 code
//     points with emoji counted by their UTF-8 bytes; Telegram 4,096 UTF-16
//     code units, as its Bot API counts; the sandbox 5,000 code points.
//
// Nothing here does I/O; the connectors call Count from their Validate
// methods and the CLI's `relais text check` prints it.
package textlen
