// Package analytics is the measuring half of relais: tracked short links
// (codes derived per post, variant, channel and district; the /l/{code}
// redirect that counts one click per request and day without storing
// anything about the visitor), platform metrics collected after
// publication, and the figures built from them. Every figure it returns
// carries its window and its source.
package analytics
