package supporters

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
)

// BatchRows is the number of rows written per transaction.
const BatchRows = 1000

// ReasonOpposed rejects an address on the suppression list (erased or
// unsubscribed).
const ReasonOpposed = "opposed"

// Options tune one import.
type Options struct {
	Source   string            // where the file comes from (--source)
	DryRun   bool              // count, write nothing
	Mapping  map[string]string // CSV header -> column; nil: by header name
	Progress func(rows int)    // called after each committed batch
}

// Rejection is a row left out, and why.
type Rejection struct {
	Line   int    `json:"line"`
	Field  string `json:"field"`
	Reason string `json:"reason"`
}

// Report is what an import did.
type Report struct {
	Imported   int         `json:"imported"`
	Updated    int         `json:"updated"`
	Duplicates int         `json:"duplicates"`
	Rejected   []Rejection `json:"rejected"`
}

// candidate is a valid row waiting for its batch.
type candidate struct {
	line int
	s    *relais.Supporter
	has  map[string]bool // columns with a value
}

// Import reads a CSV file of contacts and upserts them. The file is read
// twice: a first pass checks it is UTF-8, under the size limit and has an
// email column (a *FileError otherwise, nothing written); the second
// writes valid rows in transactions of BatchRows, keyed by the normalised
// address, so that re-running an interrupted import ends in the same
// state. Rows seen earlier in the file count as duplicates; bad rows are
// reported, never fatal.
func (s *Service) Import(ctx context.Context, r io.ReadSeeker, opt Options) (*Report, error) {
	if err := mayImport(ctx); err != nil {
		return nil, err
	}
	if err := s.check(r, opt); err != nil {
		return nil, err
	}
	run := &importRun{s: s, ctx: ctx, opt: opt, rep: &Report{Rejected: []Rejection{}}, seen: map[string]bool{}}
	_, err := s.scan(r, opt, run.take)
	if err == nil {
		err = run.flush()
	}
	rep := run.rep
	sort.SliceStable(rep.Rejected, func(i, j int) bool { return rep.Rejected[i].Line < rep.Rejected[j].Line })
	if err == nil && !opt.DryRun {
		err = s.auditImport(ctx, rep)
	}
	return rep, err
}

// check is the first pass: size limit, UTF-8, an email column; then it
// rewinds the file.
func (s *Service) check(r io.ReadSeeker, opt Options) error {
	if err := s.checkSize(r); err != nil {
		return err
	}
	if _, err := s.scan(r, opt, nil); err != nil {
		return err
	}
	_, err := r.Seek(0, io.SeekStart)
	return err
}

// importRun is the writing pass's state: the batch being filled and the
// addresses already seen (for the duplicates).
type importRun struct {
	s     *Service
	ctx   context.Context
	opt   Options
	rep   *Report
	batch []candidate
	seen  map[string]bool
}

// take counts a rejection or a duplicate, or adds a candidate to the
// batch, writing the batch when full.
func (ir *importRun) take(c *candidate, rej *Rejection) error {
	switch {
	case rej != nil:
		ir.rep.Rejected = append(ir.rep.Rejected, *rej)
	case ir.seen[c.s.Email]:
		ir.rep.Duplicates++
	default:
		ir.seen[c.s.Email] = true
		if ir.batch = append(ir.batch, *c); len(ir.batch) == BatchRows {
			return ir.flush()
		}
	}
	return nil
}

// flush writes the batch.
func (ir *importRun) flush() error {
	err := ir.s.writeBatch(ir.ctx, ir.batch, ir.opt, ir.rep)
	ir.batch = ir.batch[:0]
	return err
}

// checkSize refuses a file over the size limit before reading it.
func (s *Service) checkSize(r io.Seeker) error {
	size, err := r.Seek(0, io.SeekEnd)
	if err != nil {
		return err
	}
	if size > s.cfg.MaxBytes {
		return &FileError{Code: "too_large", Limit: s.cfg.MaxBytes,
			Reason: fmt.Sprintf("the file is larger than the limit of %d bytes", s.cfg.MaxBytes)}
	}
	_, err = r.Seek(0, io.SeekStart)
	return err
}

// scan reads every record, calling fn (when not nil) with each valid
// candidate or rejection.
func (s *Service) scan(r io.Reader, opt Options, fn func(*candidate, *Rejection) error) (layout, error) {
	rd := NewReader(r, s.cfg.MaxBytes)
	l, err := s.header(rd, opt)
	if err != nil {
		return l, err
	}
	now, loc := s.store.Now(), s.store.Location()
	for {
		rec, err := rd.Next()
		if errors.Is(err, io.EOF) {
			return l, nil
		} else if isFileError(err) {
			return l, err
		} else if fn == nil {
			continue
		}
		c, rej, err := s.record(rec, err, l, opt, now, loc)
		if err != nil {
			return l, err
		}
		if err := fn(c, rej); err != nil {
			return l, err
		}
	}
}

// header reads the header line and maps its columns.
func (s *Service) header(rd *Reader, opt Options) (layout, error) {
	head, err := rd.Next()
	if errors.Is(err, io.EOF) {
		return layout{}, &FileError{Code: "empty", Reason: "the file is empty"}
	} else if err != nil {
		return layout{}, asFileError(err)
	}
	return newLayout(head.Fields, opt.Mapping)
}

// record turns one read record (or the row error reading it) into a
// candidate or a rejection.
func (s *Service) record(rec Record, readErr error, l layout, opt Options, now time.Time, loc *time.Location) (*candidate, *Rejection, error) {
	if re := (*rowError)(nil); errors.As(readErr, &re) {
		return nil, &Rejection{Line: re.line, Reason: re.reason}, nil
	} else if readErr != nil {
		return nil, nil, readErr
	}
	c, rej := s.row(rec, l, opt, now, loc)
	return c, rej, nil
}

func asFileError(err error) error {
	var re *rowError
	if errors.As(err, &re) {
		return &FileError{Line: re.line, Code: "bad_header", Reason: "the header line cannot be read: " + re.reason}
	}
	return err
}

// writeBatch writes one batch in one transaction (rolled back in a dry
// run): suppressed addresses are rejected, known ones merged.
func (s *Service) writeBatch(ctx context.Context, batch []candidate, opt Options, rep *Report) error {
	if len(batch) == 0 {
		return nil
	}
	var imported, updated int
	var rejected []Rejection
	run := s.store.Update
	if opt.DryRun {
		run = s.store.View
	}
	err := run(ctx, func(tx *store.Tx) error {
		imported, updated, rejected = 0, 0, nil
		keep, rej, err := s.unsuppressed(tx, batch)
		if err != nil {
			return err
		}
		rejected = rej
		imported, updated, err = s.upsert(tx, keep)
		return err
	})
	if err != nil {
		return err
	}
	rep.Imported, rep.Updated = rep.Imported+imported, rep.Updated+updated
	rep.Rejected = append(rep.Rejected, rejected...)
	if opt.Progress != nil {
		opt.Progress(rep.Imported + rep.Updated)
	}
	return nil
}

// unsuppressed drops the candidates whose address is on the suppression
// list.
func (s *Service) unsuppressed(tx *store.Tx, batch []candidate) ([]candidate, []Rejection, error) {
	hash, err := s.hasher(tx)
	if err != nil {
		return nil, nil, err
	}
	hashes := make([]string, len(batch))
	for i, c := range batch {
		hashes[i] = hash(c.s.Email)
	}
	sup, err := tx.Suppressed(hashes)
	if err != nil {
		return nil, nil, err
	}
	keep := make([]candidate, 0, len(batch))
	var rej []Rejection
	for i, c := range batch {
		if sup[hashes[i]] {
			rej = append(rej, Rejection{Line: c.line, Field: ColEmail, Reason: ReasonOpposed})
		} else {
			keep = append(keep, c)
		}
	}
	return keep, rej, nil
}

// upsert merges the candidates into the known contacts and writes them,
// with their consents.
func (s *Service) upsert(tx *store.Tx, cs []candidate) (imported, updated int, err error) {
	emails := make([]string, len(cs))
	for i, c := range cs {
		emails[i] = c.s.Email
	}
	known, err := tx.SupportersByEmails(emails)
	if err != nil {
		return 0, 0, err
	}
	text, err := tx.CurrentConsentText()
	if err != nil {
		return 0, 0, err
	}
	rows, imported, updated := mergeAll(cs, known, text.Version)
	ids, err := tx.UpsertSupporters(rows)
	if err != nil {
		return 0, 0, err
	}
	return imported, updated, tx.AddConsents(consents(cs, ids, text.Version))
}

// mergeAll merges each candidate into its known contact or a new one; a
// consent without a text version gets the current one.
func mergeAll(cs []candidate, known map[string]*relais.Supporter, version string) (rows []*relais.Supporter, imported, updated int) {
	rows = make([]*relais.Supporter, len(cs))
	for i, c := range cs {
		if old := known[c.s.Email]; old != nil {
			updated++
			rows[i] = merge(old, c)
		} else {
			imported++
			rows[i] = merge(&relais.Supporter{Email: c.s.Email, Source: c.s.Source}, c)
		}
		if rows[i].ConsentAt != nil && rows[i].ConsentVersion == "" {
			rows[i].ConsentVersion = version
		}
	}
	return rows, imported, updated
}

// consents are the history entries of the batch's consents.
func consents(cs []candidate, ids map[string]int64, version string) []store.Consent {
	var out []store.Consent
	for _, c := range cs {
		if c.s.ConsentAt != nil {
			out = append(out, store.Consent{SupporterID: ids[c.s.Email], Action: store.ConsentGiven, At: *c.s.ConsentAt,
				Source: c.s.ConsentSource, Version: version})
		}
	}
	return out
}

// merge applies a row to a contact: values present overwrite, absent ones
// are kept; the newest consent wins; without any consent the contact is
// never mobilised.
func merge(old *relais.Supporter, c candidate) *relais.Supporter {
	s := *old
	n := c.s
	set := func(dst *string, col, v string) {
		if c.has[col] {
			*dst = v
		}
	}
	set(&s.FirstName, ColFirstName, n.FirstName)
	set(&s.LastName, ColLastName, n.LastName)
	set(&s.Phone, ColPhone, n.Phone)
	if c.has[ColPostcode] {
		s.Postcode, s.District = n.Postcode, n.District
	}
	if c.has[ColInterests] {
		s.Interests = n.Interests
	}
	if n.ConsentAt != nil && (s.ConsentAt == nil || n.ConsentAt.After(*s.ConsentAt)) {
		s.ConsentAt, s.ConsentSource, s.ConsentVersion = n.ConsentAt, n.ConsentSource, ""
	}
	if c.has[ColMobilised] {
		s.Mobilised = n.Mobilised
	}
	s.Mobilised = s.Mobilised && s.ConsentAt != nil
	if s.Source == "" {
		s.Source = n.Source
	}
	s.Name = strings.TrimSpace(s.FirstName + " " + s.LastName)
	return &s
}

// auditImport records the import's counts (no personal data).
func (s *Service) auditImport(ctx context.Context, rep *Report) error {
	id, who := actor(ctx)
	return s.store.Update(ctx, func(tx *store.Tx) error {
		return tx.AppendAudit(&relais.AuditEntry{ActorID: id, Actor: who, Action: "supporters.import",
			Detail: fmt.Sprintf("%d imported, %d updated, %d duplicates, %d rejected", rep.Imported, rep.Updated, rep.Duplicates, len(rep.Rejected))})
	})
}
