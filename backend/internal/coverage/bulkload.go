package coverage

import (
	"database/sql"
	"fmt"

	"github.com/pocketbase/dbx"
)

// loadFromIndexes fills an empty index from the covering indexes of migrations 1764500000 and
// 1764500001 (and the unique ones), joined by rowid, in one read transaction: the tables'
// rows carry their JSON, and reading past it to the later columns read about ten times the
// bytes. A missing index fails the load (the caller then scans the tables). The policies are
// the exception: they are read from their table, once per process, because their 18-column
// covering index cost every policy insert about 40% of its SQLite time (migration 1764950000).
func (x *factIndex) loadFromIndexes(db dbx.Builder) error {
	type step struct {
		sql  string
		scan func(rows *dbx.Rows) error
	}
	var (
		rowid                                                 int64
		id, str                                               string
		prov, city, reg, ind, ent, ins, status, d1, d2, d3, b sql.RawBytes
		flag, major                                           bool
		n1, n2, n3, n4, n5                                    float64
	)
	// rowid → fact, sized by the slices' capacity (load counted the rows)
	entRow := make(map[int64]int32, cap(x.ents))
	polRow := make(map[int64]int32, cap(x.pols))
	reps := make(map[int64]repFact, cap(x.reps))
	hazs := make(map[int64]hazFact, cap(x.hazs))
	steps := []step{
		{"SELECT rowid, id, province_code, city_code, region_code, industry, must_insure, headcount FROM enterprises INDEXED BY idx_enterprises_coverage",
			func(r *dbx.Rows) error {
				if err := r.Scan(&rowid, &id, &prov, &city, &reg, &ind, &flag, &n1); err != nil {
					return err
				}
				x.putEnterprise(id, x.place(prov, city, reg, ind), flag, n1, "", nil)
				entRow[rowid] = x.entIDs.ids[id]
				return nil
			}},
		{"SELECT rowid, risk_grade FROM enterprises INDEXED BY idx_enterprises_risk_grade WHERE risk_grade != ''",
			func(r *dbx.Rows) error {
				if err := r.Scan(&rowid, &b); err != nil {
					return err
				}
				if n, ok := entRow[rowid]; ok {
					x.ents[n].grade = x.codes.ofBytes(b)
				}
				return nil
			}},
		{"SELECT rowid, uscc FROM enterprises INDEXED BY idx_enterprises_uscc",
			func(r *dbx.Rows) error {
				if err := r.Scan(&rowid, &str); err != nil {
					return err
				}
				if n, ok := entRow[rowid]; ok {
					x.ents[n].uscc = str
				}
				return nil
			}},
		{"SELECT rowid, id, province_code, city_code, region_code, industry, enterprise, insurer, status, period_start, period_end, uploaded_at, " +
			"insured_persons, headcount, premium, prevention_budget, prevention_clause, legal_basis, cover_per_person FROM policies",
			func(r *dbx.Rows) error {
				if err := r.Scan(&rowid, &id, &prov, &city, &reg, &ind, &ent, &ins, &status, &d1, &d2, &d3, &n1, &n2, &n3, &n4, &flag, &b, &n5); err != nil {
					return err
				}
				// linked (active counts, renewals) once every policy is in
				n := x.polSlot(id)
				x.pols[n] = polFact{live: true, slot: n, place: x.place(prov, city, reg, ind), insurer: x.codes.ofBytes(ins), status: policyStatus(status),
					start: dateMs(d1), end: dateMs(d2), uploaded: dateMs(d3), persons: n1, headcount: n2, premium: n3, budget: n4, clause: flag,
					cover: n5, ent: x.entIDs.ofBytes(ent, x.growEnts), renews: -1, terms: noTerms}
				polRow[rowid] = n
				return nil
			}},
		{"SELECT rowid, renewal_of FROM policies INDEXED BY idx_policies_renewal_of WHERE renewal_of != ''",
			func(r *dbx.Rows) error {
				if err := r.Scan(&rowid, &b); err != nil {
					return err
				}
				if n, ok := polRow[rowid]; ok {
					renews := x.polIDs.ofBytes(b, x.growPols)
					x.pols[n].renews = renews
				}
				return nil
			}},
		{"SELECT rowid, policy_no FROM policies INDEXED BY idx_policies_policy_no",
			func(r *dbx.Rows) error {
				if err := r.Scan(&rowid, &str); err != nil {
					return err
				}
				if n, ok := polRow[rowid]; ok {
					x.pols[n].no = str
				}
				return nil
			}},
		{"SELECT rowid, province_code, city_code, region_code, industry, insurer, status, service_date, cost FROM service_reports INDEXED BY idx_service_reports_coverage",
			func(r *dbx.Rows) error {
				if err := r.Scan(&rowid, &prov, &city, &reg, &ind, &ins, &status, &d1, &n1); err != nil {
					return err
				}
				reps[rowid] = repFact{live: true, booked: reportBooked[string(status)], place: x.place(prov, city, reg, ind),
					insurer: x.codes.ofBytes(ins), date: dateMs(d1), cost: n1, pol: -1}
				return nil
			}},
		{"SELECT rowid, policy, service_types FROM service_reports INDEXED BY idx_service_reports_delivery",
			func(r *dbx.Rows) error {
				if err := r.Scan(&rowid, &ent, &b); err != nil {
					return err
				}
				if f, ok := reps[rowid]; ok {
					f.pol, f.assist = x.reportPolicy(ent), assistance(b)
					reps[rowid] = f
				}
				return nil
			}},
		{"SELECT rowid, id FROM service_reports",
			func(r *dbx.Rows) error {
				if err := r.Scan(&rowid, &id); err != nil {
					return err
				}
				f, ok := reps[rowid]
				if !ok {
					return fmt.Errorf("service report %s is not in the coverage index", id)
				}
				n := x.repIDs.of(id, func() { x.reps = append(x.reps, repFact{}) })
				x.reps[n] = f
				return nil
			}},
		{"SELECT rowid, province_code, city_code, region_code, industry, insurer, is_major, status, deadline FROM hazards INDEXED BY idx_hazards_coverage",
			func(r *dbx.Rows) error {
				if err := r.Scan(&rowid, &prov, &city, &reg, &ind, &ins, &major, &status, &d1); err != nil {
					return err
				}
				hazs[rowid] = hazardFact(x.place(prov, city, reg, ind), x.codes.ofBytes(ins), major, string(status), dateMs(d1))
				return nil
			}},
		{"SELECT rowid, id FROM hazards",
			func(r *dbx.Rows) error {
				if err := r.Scan(&rowid, &id); err != nil {
					return err
				}
				f, ok := hazs[rowid]
				if !ok {
					return fmt.Errorf("hazard %s is not in the coverage index", id)
				}
				n := x.hazIDs.of(id, func() { x.hazs = append(x.hazs, hazFact{}) })
				x.hazs[n] = f
				return nil
			}},
	}
	for _, s := range steps {
		rows, err := db.NewQuery(s.sql).Rows()
		if err != nil {
			return err
		}
		for rows.Next() {
			if err = s.scan(rows); err != nil {
				break
			}
		}
		if err == nil {
			err = rows.Err()
		}
		rows.Close()
		if err != nil {
			return err
		}
	}
	if len(x.reps) != len(reps) || len(x.hazs) != len(hazs) {
		return fmt.Errorf("the coverage indexes and the tables differ: %d/%d service reports, %d/%d hazards", len(x.reps), len(reps), len(x.hazs), len(hazs))
	}
	for i := range x.pols {
		if x.pols[i].live {
			x.link(&x.pols[i], 1)
		}
	}
	// claims are few (one per accident) and need no covering index: read from the table in
	// the same snapshot
	return x.readRows(db, "claims", "")
}
