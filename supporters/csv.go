package supporters

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// MaxRecordBytes is the longest record (a quoted field may span lines).
const MaxRecordBytes = 64 << 10

// FileError stops a whole import: the file is not UTF-8, too large, or
// lacks an email column. Nothing is written.
type FileError struct {
	Line   int    // 0 when not about one line
	Reason string // English; the code says which
	Code   string // not_utf8, too_large, no_email_column, empty, unreadable
	Limit  int64  // for too_large
}

// Error describes the problem in English for logs; users see the catalogue message.
func (e *FileError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Reason)
	}
	return e.Reason
}

// rowError is a record that cannot be read (a stray quote); the reader
// goes on with the next line.
type rowError struct {
	line   int
	reason string
}

func (e *rowError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.reason) }

// Record is one CSV record and the physical line it starts on.
type Record struct {
	Line   int
	Fields []string
}

// Reader reads CSV records one at a time (RFC 4180 with "," or ";",
// quoted fields, CRLF or LF), streaming: it holds one record at a time. A
// UTF-8 byte-order mark is dropped; bytes that are not UTF-8 and input
// past the size limit are FileErrors.
type Reader struct {
	br    *bufio.Reader
	Comma byte
	line  int
	read  int64
	limit int64
	buf   []byte
	fatal error // a FileError met inside a quoted field
}

// NewReader returns a reader of at most limit bytes (0: no limit). The
// separator is guessed from the first line (Comma), or set it before the
// first Next.
func NewReader(r io.Reader, limit int64) *Reader {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		_, _ = br.Discard(3)
	}
	rd := &Reader{br: br, limit: limit}
	rd.Comma = rd.guessComma()
	return rd
}

// guessComma counts "," and ";" outside quotes on the first line.
func (r *Reader) guessComma() byte {
	b, _ := r.br.Peek(r.br.Size())
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		b = b[:i]
	}
	commas, semis, quoted := 0, 0, false
	for _, c := range b {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == ',':
			commas++
		case c == ';':
			semis++
		}
	}
	if semis > commas {
		return ';'
	}
	return ','
}

// physLine reads one physical line without its line ending. A line longer
// than MaxRecordBytes is cut (the caller reports the record).
func (r *Reader) physLine() ([]byte, bool, error) {
	r.buf = r.buf[:0]
	long := false
	for {
		chunk, err := r.br.ReadSlice('\n')
		r.read += int64(len(chunk))
		if r.limit > 0 && r.read > r.limit {
			return nil, false, &FileError{Code: "too_large", Limit: r.limit,
				Reason: fmt.Sprintf("the file is larger than the limit of %d bytes", r.limit)}
		}
		if len(r.buf)+len(chunk) <= MaxRecordBytes {
			r.buf = append(r.buf, chunk...)
		} else {
			long = true
		}
		if err == bufio.ErrBufferFull {
			continue
		} else if err != nil && (err != io.EOF || len(r.buf) == 0 && !long) {
			return nil, long, err
		}
		r.line++
		if !utf8.Valid(r.buf) {
			return nil, long, &FileError{Line: r.line, Code: "not_utf8", Reason: "the text is not UTF-8 (save the file as CSV UTF-8)"}
		}
		return bytes.TrimRight(r.buf, "\r\n"), long, nil
	}
}

// Next returns the next record. At the end it returns io.EOF; a *FileError
// ends the file; any other error is a bad record, and reading may go on.
func (r *Reader) Next() (Record, error) {
	for {
		b, long, err := r.physLine()
		if err != nil {
			return Record{}, err
		}
		start := r.line
		if long {
			return Record{Line: start}, &rowError{start, "line longer than 64 KiB"}
		}
		if len(bytes.TrimSpace(b)) == 0 {
			continue
		}
		fields, err := r.parse(b)
		if r.fatal != nil {
			return Record{}, r.fatal
		}
		return Record{Line: start, Fields: fields}, err
	}
}

// parse splits a record starting with line b, reading further lines while
// a quoted field is open.
func (r *Reader) parse(b []byte) ([]string, error) {
	start := r.line
	var fields []string
	var field []byte
	size := len(b)
	for i := 0; ; {
		var reason string
		if i < len(b) && b[i] == '"' {
			field, i, b, reason = r.quotedField(b, i+1, field[:0], &size)
		} else {
			field, i, reason = r.plainField(b, i, field[:0])
		}
		if reason != "" {
			return nil, &rowError{start, reason}
		}
		fields = append(fields, string(field))
		if i >= len(b) {
			return fields, nil
		}
		i++ // the separator
		if i == len(b) {
			return append(fields, ""), nil
		}
	}
}

// quotedField reads a quoted field whose opening quote is before b[i]:
// the field, where the reading stopped, the line (continued when the
// field spans lines), or the reason it is malformed.
func (r *Reader) quotedField(b []byte, i int, field []byte, size *int) ([]byte, int, []byte, string) {
	field, i, b, ok := r.quoted(b, i, field, size)
	if !ok {
		return field, i, b, "a quoted field is never closed"
	}
	if i < len(b) && b[i] != r.Comma {
		return field, i, b, "text after a closing quote"
	}
	return field, i, b, ""
}

// plainField reads an unquoted field starting at b[i].
func (r *Reader) plainField(b []byte, i int, field []byte) ([]byte, int, string) {
	j := bytes.IndexByte(b[i:], r.Comma)
	if j < 0 {
		j = len(b) - i
	}
	field = append(field, b[i:i+j]...)
	if bytes.IndexByte(field, '"') >= 0 {
		return field, i + j, "a quote inside an unquoted field"
	}
	return field, i + j, ""
}

// quoted reads a quoted field from b[i:] (after the opening quote),
// pulling more lines while it is open. It returns the field, the index
// after the closing quote, the current line and whether it was closed.
func (r *Reader) quoted(b []byte, i int, field []byte, size *int) ([]byte, int, []byte, bool) {
	for {
		j := bytes.IndexByte(b[i:], '"')
		if j < 0 {
			field = append(field, b[i:]...)
			next, long, err := r.physLine()
			*size += len(next)
			if isFileError(err) {
				r.fatal = err
			}
			if err != nil || long || *size > MaxRecordBytes {
				return field, 0, b, false
			}
			field = append(field, '\n')
			b, i = next, 0
			continue
		}
		field = append(field, b[i:i+j]...)
		i += j + 1
		if i < len(b) && b[i] == '"' {
			field = append(field, '"')
			i++
			continue
		}
		return field, i, b, true
	}
}

// isFileError reports whether err ends the file.
func isFileError(err error) bool {
	var fe *FileError
	return errors.As(err, &fe)
}
