package main

import (
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/config"
	"github.com/relais/relais/store"
)

// auditGroup is `relais audit verify|export`.
var auditGroup = group{name: "audit", usage: "usage: relais audit verify | relais audit export --from DATE --to DATE", verbs: []verb{
	{"verify", auditVerify}, {"export", auditExport},
}}

// auditCommand runs `relais audit verify|export`.
func auditCommand(ctx context.Context, cfg *config.Config, args []string, stdout, stderr io.Writer) error {
	return auditGroup.run(ctx, cfg, args, cmdIO{stdout: stdout, stderr: stderr})
}

// auditVerify runs `relais audit verify [--head ID:HASH]`.
func auditVerify(ctx context.Context, fs *flag.FlagSet, e *env, args []string, o cmdIO) error {
	head := fs.String("head", "", "an entry recorded earlier as ID:HASH (printed by a previous verify): it must still be in the chain")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	return withStore(ctx, e, o.stderr, func(s *store.Store) error {
		return s.View(ctx, func(tx *store.Tx) error { return verifyAudit(tx, *head, o.stdout) })
	})
}

// auditExport runs `relais audit export --from DATE --to DATE`.
func auditExport(ctx context.Context, fs *flag.FlagSet, e *env, args []string, o cmdIO) error {
	from := fs.String("from", "", "first day (YYYY-MM-DD, Paris time)")
	to := fs.String("to", "", "last day included (YYYY-MM-DD, Paris time)")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	f, t, err := dayRange(*from, *to, e.cfg.Location)
	if err != nil {
		return err
	}
	return withStore(ctx, e, o.stderr, func(s *store.Store) error {
		return s.View(ctx, func(tx *store.Tx) error { return exportAudit(tx, f, t, o.stdout) })
	})
}

// dayRange reads --from and --to, days in loc (the campaign's zone).
func dayRange(from, to string, loc *time.Location) (time.Time, time.Time, error) {
	f, err := time.ParseInLocation("2006-01-02", from, loc)
	if err != nil {
		return f, f, relais.FieldErrorf("from", "--from must be a date YYYY-MM-DD (got %q)", from)
	}
	t, err := time.ParseInLocation("2006-01-02", to, loc)
	if err != nil {
		return f, t, relais.FieldErrorf("to", "--to must be a date YYYY-MM-DD (got %q)", to)
	} else if t.Before(f) {
		return f, t, relais.FieldErrorf("to", "--to is before --from")
	}
	return f, t.AddDate(0, 0, 1), nil
}

// exportAudit writes the entries between f and t as CSV.
func exportAudit(tx *store.Tx, f, t time.Time, w io.Writer) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"id", "at", "actor_id", "actor", "action", "post_id", "content_hash", "detail", "prev_hash", "hash"})
	var after int64
	for {
		batch, err := tx.Audit(store.AuditFilter{From: &f, To: &t, AfterID: after, Limit: 1000})
		if err != nil {
			return err
		}
		for _, e := range batch {
			_ = cw.Write([]string{strconv.FormatInt(e.ID, 10), e.At.Format(time.RFC3339Nano), strconv.FormatInt(e.ActorID, 10),
				e.Actor, e.Action, strconv.FormatInt(e.PostID, 10), e.ContentHash, e.Detail, e.PrevHash, e.Hash})
			after = e.ID
		}
		if len(batch) < 1000 {
			cw.Flush()
			return cw.Error()
		}
	}
}

// describeEntry names an audit entry's action and time, for messages.
func describeEntry(tx *store.Tx, id int64) string {
	es, err := tx.Audit(store.AuditFilter{AfterID: id - 1, Limit: 1})
	if err != nil || len(es) == 0 || es[0].ID != id {
		return ""
	}
	return fmt.Sprintf(", %s by %s at %s", es[0].Action, es[0].Actor, es[0].At.Format(time.RFC3339))
}

// verifyAudit checks the chain and, given an anchor recorded earlier
// (ID:HASH), that the entry is still there unchanged: the chain alone
// cannot show that its newest entries were deleted. It prints the head to
// record for next time.
func verifyAudit(tx *store.Tx, anchor string, stdout io.Writer) error {
	n, bad, err := tx.VerifyAudit()
	if err != nil {
		return err
	} else if bad != 0 {
		return fmt.Errorf("audit chain broken at entry %d%s (%d entries verified before it): it or its predecessor was modified or deleted",
			bad, describeEntry(tx, bad), n)
	}
	if anchor != "" {
		idText, hash, _ := strings.Cut(anchor, ":")
		id, err := strconv.ParseInt(idText, 10, 64)
		if err != nil || hash == "" {
			return relais.FieldErrorf("head", "--head must be ID:HASH as printed by audit verify")
		}
		es, err := tx.Audit(store.AuditFilter{AfterID: id - 1, Limit: 1})
		if err != nil {
			return err
		} else if len(es) == 0 || es[0].ID != id || es[0].Hash != hash {
			return fmt.Errorf("audit entry %d recorded as %s is missing or changed: entries were deleted or rewritten", id, hash)
		}
	}
	fmt.Fprintf(stdout, "audit chain intact: %d entries verified\n", n)
	if last, err := tx.Audit(store.AuditFilter{AfterID: 0, Limit: 1, Newest: true}); err == nil && len(last) == 1 {
		fmt.Fprintf(stdout, "head: %d:%s (record it; check later with --head)\n", last[0].ID, last[0].Hash)
	}
	return nil
}
