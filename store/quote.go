package store

import "github.com/relais/relais"

type postQuoteRow struct {
	PostID   int64 `gorm:"primaryKey;autoIncrement:false"`
	Platform string
	URI      string `gorm:"column:uri"`
	CID      string `gorm:"column:cid"`
	RemoteID string
	URL      string `gorm:"column:url"`
	Author   string
	Text     string `gorm:"column:quoted_text"`
}

func (postQuoteRow) TableName() string { return "post_quotes" }

// setQuote replaces the post's quoted post with q (none when nil).
func (tx *Tx) setQuote(postID int64, q *relais.PostQuote) error {
	if err := tx.db.Where("post_id = ?", postID).Delete(&postQuoteRow{}).Error; err != nil || q == nil {
		return err
	}
	r := postQuoteRow{PostID: postID, Platform: string(q.Platform), URI: q.URI, CID: q.CID, RemoteID: q.ID, URL: q.URL, Author: q.Author, Text: q.Text}
	return tx.db.Create(&r).Error
}

// loadQuotes fills the posts' Quote.
func (tx *Tx) loadQuotes(byID map[int64]*relais.Post, ids []int64) error {
	var rows []postQuoteRow
	if err := tx.db.Where("post_id IN ?", ids).Find(&rows).Error; err != nil {
		return err
	}
	for _, r := range rows {
		byID[r.PostID].Quote = &relais.PostQuote{Platform: relais.Platform(r.Platform), URI: r.URI, CID: r.CID, ID: r.RemoteID, URL: r.URL,
			Author: r.Author, Text: r.Text}
	}
	return nil
}
