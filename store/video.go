package store

import "github.com/relais/relais"

type postVideoRow struct {
	PostID          int64  `gorm:"primaryKey;autoIncrement:false"`
	UploadID        string `gorm:"column:upload_id"`
	SHA256          string `gorm:"column:sha256"`
	Filename        string
	ContentType     string
	Size            int64
	Width           int
	Height          int
	Seconds         float64
	AltText         string
	ThumbnailID     *int64
	ThumbnailSHA256 string `gorm:"column:thumbnail_sha256"`
}

func (postVideoRow) TableName() string { return "post_videos" }

func toVideoRow(postID int64, v *relais.PostVideo) postVideoRow {
	r := postVideoRow{PostID: postID, UploadID: v.UploadID, SHA256: v.SHA256, Filename: v.Filename,
		ContentType: v.ContentType, Size: v.Size, Width: v.Width, Height: v.Height, Seconds: v.Seconds,
		AltText: v.AltText, ThumbnailSHA256: v.ThumbnailSHA256}
	if v.ThumbnailID != 0 {
		id := v.ThumbnailID
		r.ThumbnailID = &id
	}
	return r
}

func (r postVideoRow) video() *relais.PostVideo {
	v := &relais.PostVideo{UploadID: r.UploadID, SHA256: r.SHA256, Filename: r.Filename, ContentType: r.ContentType,
		Size: r.Size, Width: r.Width, Height: r.Height, Seconds: r.Seconds, AltText: r.AltText, ThumbnailSHA256: r.ThumbnailSHA256}
	if r.ThumbnailID != nil {
		v.ThumbnailID = *r.ThumbnailID
	}
	return v
}

// setVideo replaces the post's video with v (none when nil).
func (tx *Tx) setVideo(postID int64, v *relais.PostVideo) error {
	if err := tx.db.Where("post_id = ?", postID).Delete(&postVideoRow{}).Error; err != nil || v == nil {
		return err
	}
	r := toVideoRow(postID, v)
	return tx.db.Create(&r).Error
}

// loadVideos fills the posts' Video.
func (tx *Tx) loadVideos(byID map[int64]*relais.Post, ids []int64) error {
	var rows []postVideoRow
	if err := tx.db.Where("post_id IN ?", ids).Find(&rows).Error; err != nil {
		return err
	}
	for _, r := range rows {
		byID[r.PostID].Video = r.video()
	}
	return nil
}

// loadAttachments fills the posts' images, video and quoted post.
func (tx *Tx) loadAttachments(byID map[int64]*relais.Post, ids []int64) error {
	if err := tx.loadMedia(byID, ids); err != nil {
		return err
	} else if err := tx.loadQuotes(byID, ids); err != nil {
		return err
	}
	return tx.loadVideos(byID, ids)
}
