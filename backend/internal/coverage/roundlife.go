package coverage

import (
	"azx/backend/internal/vocab"
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

// A round starts as a draft: a test round, or one drawn with the wrong settings, is deleted
// with its findings. Published, it is what the bulletin rests on and is never deleted.

func publishRound(app core.App, round *core.Record) (*Round, error) {
	if roundOf(app, round).Status != vocab.RoundStatusDraft {
		return nil, &apiError{Status: 400, Code: "round_published", Zh: "该检查轮次已发布", En: "The inspection round is already published"}
	}
	round.Set("status", vocab.RoundStatusPublished)
	if err := app.Save(round); err != nil {
		return nil, err
	}
	return roundOf(app, round), nil
}

func deleteRound(app core.App, round *core.Record) error {
	if roundOf(app, round).Status != vocab.RoundStatusDraft {
		return &apiError{Status: 400, Code: "round_published",
			Zh: "已发布的检查轮次不能删除", En: "A published inspection round cannot be deleted"}
	}
	return app.RunInTransaction(func(tx core.App) error {
		findings, err := tx.FindAllRecords("findings", dbx.HashExp{"round": round.Id})
		if err != nil {
			return err
		}
		for _, f := range findings {
			if err := tx.Delete(f); err != nil {
				return err
			}
		}
		return tx.Delete(round)
	})
}

// SampledPolicy is one policy of a round's sample as the inspectors page through it.
type SampledPolicy struct {
	ID             string    `db:"id" json:"id"`
	PolicyNo       string    `db:"policy_no" json:"policyNo"`
	Enterprise     string    `db:"enterprise" json:"enterprise"`
	EnterpriseName string    `db:"enterprise_name" json:"enterpriseName"`
	Insurer        string    `db:"insurer" json:"insurer"`
	InsurerName    string    `db:"insurer_name" json:"insurerName"`
	Region         string    `db:"region_code" json:"region"`
	RegionName     string    `db:"-" json:"regionName"`
	Findings       []Finding `db:"-" json:"findings"`
}

// SamplePage is a page of a round's sample, in sample order, with the categories a finding on
// it may name (an assigned team reads no report, so it learns them here).
type SamplePage struct {
	Page       int             `json:"page"`
	PerPage    int             `json:"perPage"`
	TotalItems int             `json:"totalItems"`
	Items      []SampledPolicy `json:"items"`
	Categories []Category      `json:"categories"`
}

// samplePage pages through every sampled policy a caller may inspect (a cross-inspection team:
// those of the regions assigned to it), with its findings so far.
func samplePage(app core.App, round *core.Record, inspected []string, page, perPage int) (*SamplePage, error) {
	ids := roundOf(app, round).Sample
	if inspected != nil {
		ids = sampleIn(app, ids, inspected)
	}
	cats, err := findingCategories(app, round.GetString("region_code"), roundDay(round))
	if err != nil {
		return nil, err
	}
	out := &SamplePage{Page: page, PerPage: perPage, TotalItems: len(ids), Items: []SampledPolicy{}, Categories: cats}
	from := (page - 1) * perPage
	if from >= len(ids) {
		return out, nil
	}
	pageIDs := ids[from:min(from+perPage, len(ids))]
	args := make([]any, len(pageIDs))
	for i, id := range pageIDs {
		args[i] = id
	}
	var rows []SampledPolicy
	err = app.DB().Select("p.id", "p.policy_no", "p.enterprise",
		"COALESCE(NULLIF(e.name, ''), json_extract(e.data, '$.name'), '') AS enterprise_name",
		"p.insurer", "COALESCE(o.name, '') AS insurer_name", "p.region_code").From("policies p").
		LeftJoin("enterprises e", dbx.NewExp("e.id = p.enterprise")).
		LeftJoin("organizations o", dbx.NewExp("o.id = p.insurer")).
		Where(dbx.In("p.id", args...)).All(&rows)
	if err != nil {
		return nil, err
	}
	byID := map[string]SampledPolicy{}
	for _, r := range rows {
		byID[r.ID] = r
	}
	findings, err := listFindings(app, round.Id, "")
	if err != nil {
		return nil, err
	}
	byPolicy := map[string][]Finding{}
	for _, f := range findings {
		byPolicy[f.Policy] = append(byPolicy[f.Policy], f)
	}
	names := namesOf(app)
	for _, id := range pageIDs {
		r, ok := byID[id]
		if !ok {
			continue
		}
		r.RegionName = names.RegionName(r.Region)
		r.Findings = byPolicy[id]
		if r.Findings == nil {
			r.Findings = []Finding{}
		}
		out.Items = append(out.Items, r)
	}
	return out, nil
}

// sampleIn keeps the sampled ids whose policy lies in one of the regions.
func sampleIn(app core.App, ids, regions []string) []string {
	region := map[string]string{}
	for start := 0; start < len(ids); start += 500 {
		part := ids[start:min(start+500, len(ids))]
		args := make([]any, len(part))
		for i, id := range part {
			args[i] = id
		}
		var rows []struct {
			ID     string `db:"id"`
			Region string `db:"region_code"`
		}
		_ = app.DB().Select("id", "region_code").From("policies").Where(dbx.In("id", args...)).All(&rows)
		for _, r := range rows {
			region[r.ID] = r.Region
		}
	}
	out := []string{}
	for _, id := range ids {
		if r, ok := region[id]; ok && inspects(regions, r) {
			out = append(out, id)
		}
	}
	return out
}
