package analytics

import (
	"context"

	"github.com/relais/relais/store"
)

// rows computes one week's figures per district.
func (s *Service) rows(ctx context.Context, w Week) (map[string]*SectorRow, error) {
	out := map[string]*SectorRow{}
	get := func(name string) *SectorRow {
		r := out[name]
		if r == nil {
			r = &SectorRow{District: name, Seats: s.seats(name)}
			out[name] = r
		}
		return r
	}
	err := s.st.View(ctx, func(tx *store.Tx) error {
		names, err := tx.KnownDistricts()
		for _, n := range names {
			get(n)
		}
		if err != nil {
			return err
		}
		return fillRows(tx, w, get)
	})
	if err != nil {
		return nil, err
	}
	for _, r := range out {
		if r.Sent > 0 {
			rate := float64(r.Shared) / float64(r.Sent)
			r.ShareRate = &rate
		}
	}
	return out, s.supporters(ctx, w, out)
}

func fillRows(tx *store.Tx, w Week, get func(string) *SectorRow) error {
	posts, err := tx.PostsPublishedByDistrict(w.From, w.To)
	if err != nil {
		return err
	}
	for _, c := range posts {
		get(c.District).PostsPublished = c.N
	}
	sugg, err := tx.SuggestionsByDistrict(w.From, w.To)
	if err != nil {
		return err
	}
	for _, c := range sugg {
		r := get(c.District)
		r.Sent += c.N
		switch c.State {
		case "shared":
			r.Shared += c.N
		case "declined":
			r.Declined += c.N
		}
	}
	first, last := w.Days()
	clicks, err := tx.ClicksByDistrict(first, last)
	if err != nil {
		return err
	}
	for _, c := range clicks {
		if c.District != "" {
			get(c.District).Clicks = c.N
		}
	}
	eng, err := tx.EngagementByDistrict(w.From, w.To)
	for _, c := range eng {
		n := c.N
		get(c.District).Engagement = &n
	}
	return err
}

// supporters fills new supporters through the hook, when there is one:
// every district then has a count (0 when nobody joined), and a district
// known only from its supporters gets a row.
func (s *Service) supporters(ctx context.Context, w Week, rows map[string]*SectorRow) error {
	if s.NewSupporters == nil {
		return nil
	}
	counts, err := s.NewSupporters(ctx, w)
	if err != nil {
		return err
	}
	for name := range counts {
		if rows[name] == nil {
			rows[name] = &SectorRow{District: name, Seats: s.seats(name)}
		}
	}
	for name, r := range rows {
		n := counts[name]
		r.NewSupporters = &n
	}
	return nil
}

func (s *Service) seats(district string) int {
	if n, ok := s.Seats[district]; ok {
		return n
	}
	return 1
}
