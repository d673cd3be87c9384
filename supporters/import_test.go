package supporters

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// badKinds are the kinds of bad rows the generated file holds, each with
// the field and reason the report must give. opposed rows carry an
// address erased before the import.
var badKinds = []struct {
	row    func(i int) []string // email, first, last, postcode, phone, interests, consent_at, consent_source, mobilised
	field  string
	reason string
}{
	{func(i int) []string { return []string{"", "Ana", "Sans", "75011", "", "", "", "", ""} }, "email", "missing"},
	{func(i int) []string {
		return []string{fmt.Sprintf("pas-une-adresse-%d", i), "", "", "", "", "", "", "", ""}
	}, "email", "not an e-mail address"},
	{func(i int) []string {
		return []string{fmt.Sprintf("bad%d@exemple..fr", i), "", "", "", "", "", "", "", ""}
	}, "email", ""},
	{func(i int) []string {
		return []string{fmt.Sprintf("cp%d@exemple.fr", i), "", "", "750", "", "", "", "", ""}
	}, "postcode", "not a five-digit postcode"},
	{func(i int) []string {
		return []string{fmt.Sprintf("tel%d@exemple.fr", i), "", "", "", "appelez-moi", "", "", "", ""}
	}, "phone", "not a phone number"},
	{func(i int) []string {
		return []string{fmt.Sprintf("date%d@exemple.fr", i), "", "", "", "", "", "12/02/2026", "meeting", ""}
	}, "consent_at", "not a date (RFC 3339 or YYYY-MM-DD)"},
	{func(i int) []string {
		return []string{fmt.Sprintf("futur%d@exemple.fr", i), "", "", "", "", "", "2031-01-01", "meeting", ""}
	}, "consent_at", "in the future"},
	{func(i int) []string {
		return []string{fmt.Sprintf("src%d@exemple.fr", i), "", "", "", "", "", "", "meeting 12/02", ""}
	}, "consent_at", "missing (a consent source needs its date)"},
	{func(i int) []string {
		return []string{fmt.Sprintf("mob%d@exemple.fr", i), "", "", "", "", "", "2026-02-12", "meeting", "peut-être"}
	}, "mobilised", "not yes or no"},
	{func(i int) []string {
		return []string{fmt.Sprintf("long%d@exemple.fr", i), strings.Repeat("é", 400), "", "", "", "", "", "", ""}
	}, "first_name", "longer than 320 characters"},
	{func(i int) []string {
		return []string{fmt.Sprintf("extra%d@exemple.fr", i), "", "", "", "", "", "", "", "", "en trop"}
	}, "", "10 fields where the header has 9"},
	{nil, "", "a quote inside an unquoted field"}, // raw line, see genLine
	{func(i int) []string {
		return []string{fmt.Sprintf("oppose%d@exemple.fr", i), "", "", "", "", "", "", "", ""}
	}, "email", "opposed"},
}

const (
	genRows = 25000
	genBad  = 500
	genDups = 1000
)

// genFile builds the test file: genRows data rows of which genBad bad
// ones (every kind, in turn) and genDups duplicates of earlier addresses
// written differently (case, IDN in Unicode vs punycode), with quoted
// fields holding the separator, doubled quotes and line breaks.
func genFile(sep string, bom bool) []byte {
	var b bytes.Buffer
	if bom {
		b.WriteString("\uFEFF")
	}
	b.WriteString(strings.Join(Columns, sep) + "\r\n")
	good, bad, dups := 0, 0, 0
	for i := 0; i < genRows; i++ {
		switch {
		case i%50 == 7 && bad < genBad:
			b.WriteString(badLine(bad, sep) + "\r\n")
			bad++
		case i%25 == 3 && dups < genDups:
			b.WriteString(line(dupOf(dups*20), sep) + "\n")
			dups++
		default:
			b.WriteString(line(goodRow(good), sep) + "\n")
			good++
		}
	}
	return b.Bytes()
}

func badLine(n int, sep string) string {
	k := badKinds[n%len(badKinds)]
	if k.row == nil {
		return fmt.Sprintf(`quote%d@exemple.fr%sJe"an%s%s%s%s%s%s%s`, n, sep, sep, sep, sep, sep, sep, sep, sep)
	}
	return line(k.row(n), sep)
}

var idnDomains = [][2]string{{"café.fr", "xn--caf-dma.fr"}, {"élysée.paris", "xn--lyse-9raa.paris"}}

// goodRow is the n-th valid contact. Every 5th has an IDN domain written
// in Unicode; the duplicates write it in punycode.
func goodRow(n int) []string {
	domain := "exemple.fr"
	if n%5 == 0 {
		domain = idnDomains[n%2][0]
	}
	consent, src, mob := "", "", ""
	if n%3 != 0 {
		consent, src, mob = fmt.Sprintf("2026-0%d-1%d", 1+n%2, n%10), "formulaire avecanne.fr", "oui"
	} else if n%2 == 0 {
		mob = "yes" // no consent: stored, never mobilised
	}
	arr := 1 + n%20
	return []string{fmt.Sprintf("Soutien%05d@%s", n, domain), "Léa", fmt.Sprintf("Martin, n°%d \"dite\" Lou", n),
		fmt.Sprintf("750%02d", arr), "06 12 34 56 78", "logement; vélo", consent, src, mob}
}

// dupOf is goodRow(n) with its address in another form.
func dupOf(n int) []string {
	r := goodRow(n)
	r[0] = strings.ToUpper(r[0][:1]) + strings.ToLower(r[0][1:])
	for _, d := range idnDomains {
		r[0] = strings.Replace(r[0], d[0], strings.ToUpper(d[1]), 1)
	}
	return r
}

// line writes fields as CSV, quoting those that need it.
func line(fields []string, sep string) string {
	out := make([]string, len(fields))
	for i, f := range fields {
		if strings.ContainsAny(f, sep+"\"\n,;") {
			f = `"` + strings.ReplaceAll(f, `"`, `""`) + `"`
		}
		out[i] = f
	}
	return strings.Join(out, sep)
}

func newService(t testing.TB, dialect string) *Service {
	st := storetest.Open(t, dialect)
	st.SetNow(func() time.Time { return time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC) })
	return New(st, Config{BaseURL: "https://relais.example"})
}

// opposeAll puts the opposed rows' addresses on the suppression list, as
// an erasure would.
func opposeAll(t testing.TB, s *Service) {
	ctx := AsOperator(context.Background())
	storetest.Must(t, s.store.Update(ctx, func(tx *store.Tx) error {
		hash, err := s.hasher(tx)
		if err != nil {
			return err
		}
		for n := 0; n < genBad; n++ {
			if badKinds[n%len(badKinds)].reason == ReasonOpposed {
				if err := tx.Suppress(hash(fmt.Sprintf("oppose%d@exemple.fr", n)), "forgotten"); err != nil {
					return err
				}
			}
		}
		return nil
	}))
}

func TestSupportersImport(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dialect string) {
		ctx := AsOperator(context.Background())
		clean := newService(t, dialect)
		opposeAll(t, clean)
		rep, err := clean.Import(ctx, bytes.NewReader(genFile(",", false)), Options{Source: "fichier test"})
		require.NoError(t, err)
		checkReport(t, rep)
		want := dump(t, clean)
		require.Equal(t, genRows-genBad-genDups, strings.Count(want, "\n")-consentRows(want))

		again, err := clean.Import(ctx, bytes.NewReader(genFile(",", false)), Options{Source: "fichier test"})
		require.NoError(t, err)
		require.Equal(t, []int{0, rep.Imported, genDups}, []int{again.Imported, again.Updated, again.Duplicates}, "a re-run updates")
		require.Equal(t, want, dump(t, clean), "re-running an import changes nothing")

		// The reader does not depend on the database: the variant runs on
		// SQLite only, to keep the suite short.
		t.Run("semicolon and BOM", func(t *testing.T) {
			if dialect != "sqlite" {
				return
			}
			s := newService(t, dialect)
			opposeAll(t, s)
			rep, err := s.Import(ctx, bytes.NewReader(genFile(";", true)), Options{Source: "fichier test"})
			require.NoError(t, err)
			checkReport(t, rep)
			require.Equal(t, want, dump(t, s))
		})
		t.Run("interrupted then re-run", func(t *testing.T) {
			s := newService(t, dialect)
			opposeAll(t, s)
			cctx, cancel := context.WithCancel(ctx)
			_, err := s.Import(cctx, bytes.NewReader(genFile(",", false)), Options{Source: "fichier test", Progress: func(n int) {
				if n >= 10*BatchRows {
					cancel() // the next batch's transaction fails and rolls back
				}
			}})
			require.ErrorIs(t, err, context.Canceled)
			half := dump(t, s)
			require.Greater(t, len(half), 0)
			require.Less(t, len(half), len(want), "the import was interrupted part-way")
			rep, err := s.Import(ctx, bytes.NewReader(genFile(",", false)), Options{Source: "fichier test"})
			require.NoError(t, err)
			require.Equal(t, genRows-genBad-genDups, rep.Imported+rep.Updated)
			require.Equal(t, want, dump(t, s), "an interrupted import re-run ends in the same state")
		})
	})
}

func consentRows(dump string) int { return strings.Count(dump, "consent|") }

// checkReport checks the exact counts and every rejection's field and
// reason, kind by kind.
func checkReport(t *testing.T, rep *Report) {
	t.Helper()
	require.Equal(t, genRows-genBad-genDups, rep.Imported)
	require.Equal(t, 0, rep.Updated)
	require.Equal(t, genDups, rep.Duplicates)
	require.Len(t, rep.Rejected, genBad)
	for i, r := range rep.Rejected {
		k := badKinds[i%len(badKinds)]
		require.Equal(t, k.field, r.Field, "rejection %d (line %d): %+v", i, r.Line, r)
		if k.reason != "" {
			require.Equal(t, k.reason, r.Reason, "rejection %d (line %d)", i, r.Line)
		}
		require.Equal(t, 2+i*50+7, r.Line, "rejection %d names its line", i)
	}
}

// dump returns the supporters' and consents' content without times of
// writing, sorted, one line each.
func dump(t testing.TB, s *Service) string {
	var out strings.Builder
	storetest.Must(t, s.store.View(context.Background(), func(tx *store.Tx) error {
		var off int
		for {
			page, _, err := tx.Supporters(store.SupporterFilter{Limit: 5000, Offset: off})
			if err != nil {
				return err
			}
			ids := make([]int64, len(page))
			for i, p := range page {
				ids[i] = p.ID
			}
			all, err := tx.ConsentsFor(ids)
			if err != nil {
				return err
			}
			for _, p := range page {
				fmt.Fprintf(&out, "%s|%s|%s|%s|%s|%s|%v|%s|%s|%v|%s|%s|%v|%s\n", p.Email, p.Name, p.FirstName, p.LastName,
					p.Postcode, p.Phone, p.Interests, p.District, p.Source, fmtT(p.ConsentAt), p.ConsentSource, p.ConsentVersion, p.Mobilised, p.Status)
				for _, c := range all[p.ID] {
					fmt.Fprintf(&out, "consent|%s|%s|%s|%s|%s\n", p.Email, c.Action, c.At.Format(time.RFC3339), c.Source, c.Version)
				}
			}
			if off += len(page); len(page) < 5000 {
				return nil
			}
		}
	}))
	return out.String()
}

func fmtT(t *time.Time) string {
	if t == nil {
		return "-"
	}
	return t.UTC().Format(time.RFC3339)
}

func TestImportRowValues(t *testing.T) {
	s := newService(t, "sqlite")
	ctx := AsOperator(context.Background())
	csv := "Courriel;Prénom;Code postal;consent_at;consent_source;mobilised;intérêts\n" +
		"Lea@Café.FR;Léa;75116;2026-02-12;meeting 12/02;oui;\"logement; Vélo\"\n" +
		"paul@exemple.fr;Paul;75004;;;oui;\n" +
		"zoe@exemple.fr;Zoé;93100;2026-02-01T18:30:00+01:00;formulaire;non;\n"
	rep, err := s.Import(ctx, strings.NewReader(csv), Options{Source: "meeting"})
	require.NoError(t, err)
	require.Equal(t, 3, rep.Imported, "%+v", rep)
	var got []string
	storetest.Must(t, s.store.View(ctx, func(tx *store.Tx) error {
		page, _, err := tx.Supporters(store.SupporterFilter{Limit: 10})
		for _, p := range page {
			got = append(got, fmt.Sprintf("%s %s %s %v %v %s", p.Email, p.District, fmtT(p.ConsentAt), p.Mobilised, p.Interests, p.ConsentVersion))
		}
		return err
	}))
	require.Equal(t, []string{
		"lea@xn--caf-dma.fr 16e arrondissement 2026-02-11T23:00:00Z true [logement vélo] 2026-01",
		"paul@exemple.fr Paris Centre - false [] ", // mobilised without consent: never mobilised
		"zoe@exemple.fr  2026-02-01T17:30:00Z false [] 2026-01",
	}, got)
}

func TestImportBadFiles(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dialect string) {
		s := newService(t, dialect)
		ctx := AsOperator(context.Background())
		latin1 := []byte("email,first_name\nlea@exemple.fr,L\xe9a\n")
		tests := []struct {
			name string
			r    io.ReadSeeker
			code string
			msg  string
		}{
			{"not UTF-8", bytes.NewReader(append([]byte("email,first_name\nok@exemple.fr,Ok\n"), latin1[17:]...)), "not_utf8", "line 3: the text is not UTF-8"},
			{"no email column", strings.NewReader("nom,prénom\nMartin,Léa\n"), "no_email_column", "line 1: the first line has no email column"},
			{"2 GB", &endless{size: 2 << 30}, "too_large", "the file is larger than the limit of 67108864 bytes"},
			{"empty", strings.NewReader(""), "empty", "the file is empty"},
		}
		for _, tt := range tests {
			_, err := s.Import(ctx, tt.r, Options{})
			var fe *FileError
			require.True(t, errors.As(err, &fe), "%s: %v", tt.name, err)
			require.Equal(t, tt.code, fe.Code, tt.name)
			require.Contains(t, err.Error(), tt.msg, tt.name)
		}
		require.Empty(t, dump(t, s), "nothing written")
	})
}

// endless is a ReadSeeker of size bytes of valid CSV, made up as read.
type endless struct {
	size, off int64
}

func (e *endless) Read(p []byte) (int, error) {
	if e.off >= e.size {
		return 0, io.EOF
	}
	const row = "email,first_name\n"
	n := 0
	for n < len(p) && e.off < e.size {
		k := copy(p[n:min(len(p), n+int(e.size-e.off))], row[e.off%int64(len(row)):])
		n += k
		e.off += int64(k)
	}
	return n, nil
}

func (e *endless) Seek(off int64, whence int) (int64, error) {
	if whence == io.SeekEnd {
		off += e.size
	}
	e.off = off
	return off, nil
}
