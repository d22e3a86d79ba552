package services

import (
	"testing"

	"azx/backend/internal/validation"
)

func TestHazardDataNumbersAfterTheReportAndKeepsGivenNumbers(t *testing.T) {
	item := map[string]any{"location": "储罐区", "source": "self_check"}
	d := hazardData(item, "SR-2026-0001", "2026-03-10", 1)
	if d["hazard_no"] != "SR-2026-0001-H2" {
		t.Fatalf("hazard_no = %v, want SR-2026-0001-H2", d["hazard_no"])
	}
	if d["source"] != "insurer_service" || d["found_at"] != "2026-03-10T12:00:00+08:00" {
		t.Fatalf("source/found_at are the server's: %v %v", d["source"], d["found_at"])
	}
	if _, changed := item["hazard_no"]; changed {
		t.Fatal("the report's item itself is not changed")
	}
	given := hazardData(map[string]any{"hazard_no": "HZ-OWN-0001"}, "SR-2026-0001", "2026-03-10", 0)
	if given["hazard_no"] != "HZ-OWN-0001" {
		t.Fatalf("a given number is kept, got %v", given["hazard_no"])
	}
}

func TestHazardErrorsAreFiledUnderTheReportItem(t *testing.T) {
	errs := validation.Errors{}
	addHazardErrors(errs, 2, validation.Errors{
		"data.rectifier.mobile": validation.New("schema_pattern", "手机号码格式不正确", "The mobile number is malformed"),
		"data":                  validation.New("rule_failed", "整条记录", "The record"),
		"data.found_at":         validation.New("schema_format", "时间", "Time"),
		"policy":                validation.New("relation_not_found", "保单", "Policy"),
	})
	if _, ok := errs["data.hazards.2.rectifier.mobile"]; !ok {
		t.Fatalf("field error under the item: %v", errs)
	}
	if _, ok := errs["data.hazards.2"]; !ok {
		t.Fatalf("record-level error on the item: %v", errs)
	}
	if len(errs) != 2 {
		t.Fatalf("the server's own fields and columns are not the user's to fix: %v", errs)
	}
}

func TestMergeKeepsOursOnAPathBothReport(t *testing.T) {
	ours := validation.Errors{"provider": validation.New("provider_blacklisted", "黑名单", "Black-listed")}
	next := validation.Errors{"provider": validation.New("other", "其他", "Other"), "cost": validation.New("x", "费用", "Cost")}
	got := validation.Merge(ours, next).(validation.Errors)
	if got["provider"].(*validation.FieldError).Code() != "provider_blacklisted" || got["cost"] == nil {
		t.Fatalf("merged: %v", got)
	}
	if validation.Merge(validation.Errors{}, nil) != nil {
		t.Fatal("no errors, no next error: nil")
	}
}

func TestCentsAndLists(t *testing.T) {
	if cents(0.1+0.2) != 0.3 || cents(1234.565) != 1234.57 {
		t.Fatalf("cents: %v %v", cents(0.1+0.2), cents(1234.565))
	}
	if got := decodeList(`["01","03"]`); len(got) != 2 || got[1] != "03" {
		t.Fatalf("decodeList: %v", got)
	}
	if decodeList(`null`) != nil || decodeList(``) != nil {
		t.Fatal("no list: nil")
	}
}
