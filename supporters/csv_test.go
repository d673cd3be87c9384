package supporters

import (
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// records reads every record, keeping bad ones as nil.
func records(t testing.TB, in string) ([][]string, error) {
	r := NewReader(strings.NewReader(in), 1<<20)
	var out [][]string
	for {
		rec, err := r.Next()
		if errors.Is(err, io.EOF) {
			return out, nil
		} else if isFileError(err) {
			return out, err
		}
		if err != nil {
			out = append(out, nil)
			continue
		}
		out = append(out, rec.Fields)
	}
}

func TestReader(t *testing.T) {
	got, err := records(t, "\uFEFFemail;nom\r\n\"a;b\";\"dit \"\"Lou\"\"\"\n\nx;\"deux\nlignes\"\ny;Je\"an\nz;fin\n")
	require.NoError(t, err)
	require.Equal(t, [][]string{{"email", "nom"}, {"a;b", `dit "Lou"`}, {"x", "deux\nlignes"}, nil, {"z", "fin"}}, got)
	got, err = records(t, "a,b\n1,\"ouvert\n2,3\n")
	require.NoError(t, err)
	require.Equal(t, [][]string{{"a", "b"}, nil}, got, "a quote never closed swallows the rest as one bad record")
}

// FuzzReader feeds any bytes to the record reader: it never panics, never
// returns a field that is not UTF-8, stops on a FileError, and a record
// written back with quotes reads the same.
func FuzzReader(f *testing.F) {
	f.Add("email,nom\n\"a,b\",c\n")
	f.Add("\uFEFFemail;nom\r\n\"x\"\"y\";z\n")
	f.Add("a,\"b\nc\",d\n\"e")
	f.Add("a,b\n\xff\n")
	f.Fuzz(func(t *testing.T, in string) {
		recs, err := records(t, in)
		if err != nil {
			var fe *FileError
			require.True(t, errors.As(err, &fe))
		}
		for _, r := range recs {
			for _, v := range r {
				require.True(t, utf8.ValidString(v))
			}
			if len(r) == 0 || strings.TrimSpace(strings.Join(r, "")) == "" || strings.Contains(strings.Join(r, ""), "\r") {
				continue
			}
			again, err := records(t, line(r, ",")+"\n")
			require.NoError(t, err)
			require.Equal(t, [][]string{r}, again, "round trip of %q", r)
		}
	})
}
