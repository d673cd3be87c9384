package approval_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// TestRewriteAfterTenThousandCommentsStillBlocksApproval (issue 11 item
// 1): an editor who rewrites a post that already carries 10,000 audit
// entries may still not approve it, and the post's paginated history
// shows his edit.
func TestRewriteAfterTenThousandCommentsStillBlocksApproval(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		b := setup(t, dialect)
		p := b.MustSubmit(b.cm, b.post("Réunion publique jeudi", b.campaign))
		require.NoError(t, b.store.Update(context.Background(), func(tx *store.Tx) error {
			for i := range 10001 {
				if err := tx.AppendAudit(&relais.AuditEntry{ActorID: b.cm.ID, Actor: "cm", Action: "post.comment",
					PostID: p.ID, Detail: fmt.Sprintf("comment %d", i)}); err != nil {
					return err
				}
			}
			return nil
		}))
		p, err := b.svc.UpdatePost(as(b.editor), p.ID, b.post("Réunion publique jeudi soir", b.campaign))
		require.NoError(t, err)
		// On PostgreSQL a read waits at most 2 s for pending entries to be
		// chained; 10,001 of them on a loaded machine take longer, so
		// chain them first (the audit writer would, within seconds).
		_, err = b.store.FlushAudit(context.Background())
		require.NoError(t, err)
		_, err = b.svc.Approve(as(b.editor), p.ID, approval.ApproveInput{ContentHash: p.ContentHash})
		requireCode(t, relais.EFORBIDDEN, err)
		v, err := b.svc.Get(as(b.editor), p.ID)
		require.NoError(t, err)
		require.False(t, v.MayApprove)
		require.Len(t, v.History, approval.HistoryPageSize, "one page of history at a time")
		require.True(t, historyHasEdit(t, b, p.ID, b.editor.ID), "the edit is on a later history page")
		_, err = b.svc.Approve(as(b.editor2), p.ID, approval.ApproveInput{ContentHash: p.ContentHash})
		require.NoError(t, err)
	})
}

// historyHasEdit walks every history page of post id looking for an edit
// by member.
func historyHasEdit(t *testing.T, b *testBundle, id, member int64) bool {
	var after int64
	for pages := 0; pages < 1000; pages++ {
		v, err := b.svc.GetPage(as(b.admin), id, after)
		require.NoError(t, err)
		for _, e := range v.History {
			if e.Action == "post.edit" && e.ActorID == member {
				return true
			}
		}
		if v.HistoryNext == 0 {
			return false
		}
		after = v.HistoryNext
	}
	return false
}

// TestMailNotifierCountsPending (issue 11 item 13): shutdown can wait for
// the e-mails a notification is still sending.
func TestMailNotifierCountsPending(t *testing.T) {
	t.Parallel()
	var wg sync.WaitGroup
	release, sent := make(chan struct{}), make(chan string, 1)
	mn := approval.MailNotifier{BaseURL: "http://127.0.0.1", Pending: &wg,
		Send: func(ctx context.Context, to, subject, text string) error { <-release; sent <- to; return nil }}
	mn.Notify(context.Background(), approval.Notification{Kind: approval.KindMention, PostID: 1, Path: "/posts/1",
		To: []*relais.Member{{ID: 1, Email: "anne@x.fr", Name: "Anne"}}})
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
		t.Fatal("Pending returned while an e-mail was still being sent")
	case <-time.After(100 * time.Millisecond):
	}
	close(release)
	<-done
	require.Equal(t, "anne@x.fr", <-sent)
}
