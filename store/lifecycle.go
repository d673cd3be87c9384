package store

import (
	"fmt"
	"sort"
	"strings"

	"github.com/relais/relais"
)

// MovePost takes p through event ev of the post lifecycle
// (relais.PostTransition) and writes its new state, only over the state
// p was read in: a concurrent writer that moved it meanwhile makes this
// an ECONFLICT error (relais.StaleStateError) instead of being
// overwritten. The move must be audited in the same transaction: the next
// audit entry for p carries it (AuditEntry.Transition), and Update refuses
// to commit a move left unaudited.
func (tx *Tx) MovePost(p *relais.Post, ev relais.PostEvent) error {
	to, err := relais.PostTransition(p.State, ev)
	if err != nil {
		return err
	}
	set := map[string]any{"state": string(to)}
	if to != p.State {
		set["updated_at"] = tx.Now() // a step that keeps the state (a first approval) leaves the post as it was
	}
	r := tx.db.Model(&postRow{}).Where("id = ? AND state = ?", p.ID, string(p.State)).UpdateColumns(set)
	if err := tx.stale(r.Error, r.RowsAffected, "post", p.ID, string(p.State), string(ev)); err != nil {
		return err
	}
	tx.recordMove(p.ID, fmt.Sprintf("%s:%s>%s", ev, p.State, to))
	p.State = to
	return nil
}

// MoveDelivery takes d through event ev of the delivery lifecycle
// (relais.DeliveryTransition) and saves it (state, receipt, error,
// attempts, holder) only over the state d was read in, like MovePost.
// Delivery moves are audited by their callers when they settle an
// outcome (scheduler: one entry per outcome; claims and retries are not
// audited, being operational and frequent).
func (tx *Tx) MoveDelivery(d *relais.Delivery, ev relais.DeliveryEvent) error {
	to, err := relais.DeliveryTransition(d.State, ev)
	if err != nil {
		return err
	}
	d.UpdatedAt = tx.Now()
	r := tx.db.Model(&deliveryRow{}).Where("id = ? AND state = ?", d.ID, string(d.State)).Updates(deliveryFields(d, to))
	if err := tx.stale(r.Error, r.RowsAffected, "delivery", d.ID, string(d.State), string(ev)); err != nil {
		return err
	}
	d.State = to
	return nil
}

// stale turns a conditional update that changed no row into the error
// naming the state the row is in now.
func (tx *Tx) stale(err error, n int64, kind string, id int64, from, ev string) error {
	if err != nil || n == 1 {
		return err
	}
	var found []string
	table := map[string]string{"post": "posts", "delivery": "deliveries"}[kind]
	if err := tx.db.Table(table).Where("id = ?", id).Pluck("state", &found).Error; err != nil {
		return err
	} else if len(found) == 0 {
		return relais.Errorf(relais.ENOTFOUND, "%s %d not found.", kind, id)
	}
	return relais.StaleStateError(kind, from, found[0], ev)
}

// recordMove notes a post's state change, to be carried by its next audit
// entry in this transaction.
func (tx *Tx) recordMove(postID int64, move string) {
	if tx.moves == nil {
		tx.moves = map[int64][]string{}
	}
	tx.moves[postID] = append(tx.moves[postID], move)
}

// attachMoves puts the post's pending moves on e (AppendAudit).
func (tx *Tx) attachMoves(e *relais.AuditEntry) {
	if ms := tx.moves[e.PostID]; e.PostID != 0 && len(ms) > 0 {
		e.Transition = strings.Join(ms, ",")
		delete(tx.moves, e.PostID)
	}
}

// unaudited returns an error naming the posts whose state changed in tx
// without an audit entry after the change.
func (tx *Tx) unaudited() error {
	if len(tx.moves) == 0 {
		return nil
	}
	var ids []string
	for id, ms := range tx.moves {
		ids = append(ids, fmt.Sprintf("post %d (%s)", id, strings.Join(ms, ",")))
	}
	sort.Strings(ids)
	return fmt.Errorf("state changed without an audit entry in the same transaction: %s", strings.Join(ids, "; "))
}

// CreatePostBy inserts p (CreatePost) in the initial state of event ev
// (relais.PostInitial) and notes the creation as a move ("ev:>state"),
// to be audited in the same transaction like any other. CreatePost alone
// stores p in whatever state it has: for test fixtures.
func (tx *Tx) CreatePostBy(p *relais.Post, ev relais.PostEvent) error {
	st, err := relais.PostInitialState(ev)
	if err != nil {
		return err
	}
	p.State = st
	if err := tx.CreatePost(p); err != nil {
		return err
	}
	tx.recordMove(p.ID, fmt.Sprintf("%s:>%s", ev, st))
	return nil
}
