// Generated from backend/internal/packs/data/*.json: do not edit. After changing a pack run
// `cd backend && AZX_WRITE_PACKS=1 go test ./internal/packs/` (it also copies them to schemas/packs/).
export const PACK_FILES: Readonly<Record<string, unknown>> = {
  'beijing': {
  "id": "beijing",
  "title": "北京（2024 征求意见稿）",
  "title_en": "Beijing (2024 draft notice)",
  "regions": [
    "11"
  ],
  "effective_from": "2024-01-01",
  "note": "高危行业事故预防服务费用不高于实际收取保费的 21%（通知原文）。费率表和浮动系数为示例。",
  "sources": [
    {
      "id": "北京市安责险通知（征求意见稿）",
      "title": "北京市应急管理局 国家金融监督管理总局北京监管局《关于充分发挥安全生产责任保险功能作用助力北京市安全生产治本攻坚三年行动的通知》（征求意见稿）",
      "year": 2024
    },
    {
      "id": "应急〔2025〕27号",
      "title": "安全生产责任保险实施办法",
      "year": 2025
    }
  ],
  "high_risk_industries": [
    "coal_mining",
    "non_coal_mining",
    "hazardous_chemicals",
    "fireworks",
    "transport",
    "construction",
    "civil_explosives",
    "metal_smelting",
    "fishing"
  ],
  "cover_minimum": {
    "2017": 300000,
    "2025": 400000,
    "source": "应急〔2025〕27号",
    "source_en": "2025 national measures (应急〔2025〕27号)"
  },
  "base_rates": {
    "example": true,
    "basis_cover": 500000,
    "note": "元/人·年，按每人死亡伤残限额 500000 元计；实际承保按保额比例折算。示例数值，并非任何地区公布的费率表。",
    "note_en": "Yuan per person per year at a death/disability cover of 500,000, scaled to the policy's cover. Example values, not any region's published tariff.",
    "rates": {
      "coal_mining": 900,
      "non_coal_mining": 700,
      "hazardous_chemicals": 400,
      "fireworks": 600,
      "transport": 380,
      "construction": 250,
      "civil_explosives": 650,
      "metal_smelting": 480,
      "fishing": 420,
      "fuel_station": 260,
      "pharmaceutical": 240,
      "hazchem_user": 280,
      "combustible_dust": 260,
      "ship_building": 400,
      "confined_space": 220,
      "ammonia_refrigeration": 240,
      "spray_painting": 200,
      "crowded_places": 120,
      "utilities": 180,
      "other": 150
    }
  },
  "coefficients": {
    "accident_record": {
      "title": "事故记录系数",
      "title_en": "Accident record",
      "example": true,
      "options": [
        {
          "code": "none_3y",
          "title": "近三年无生产安全事故",
          "title_en": "No accident in three years",
          "value": 0.9
        },
        {
          "code": "none_1y",
          "title": "上一年度无生产安全事故",
          "title_en": "No accident last year",
          "value": 1.0
        },
        {
          "code": "injury",
          "title": "上一年度发生一般事故（无死亡）",
          "title_en": "Accident without death last year",
          "value": 1.15
        },
        {
          "code": "fatal",
          "title": "上一年度发生死亡事故",
          "title_en": "Fatal accident last year",
          "value": 1.3
        }
      ]
    },
    "standardization": {
      "title": "安全生产标准化等级系数",
      "title_en": "Safety standardization grade",
      "example": true,
      "from_enterprise": "standardization_level",
      "options": [
        {
          "code": "level_1",
          "title": "一级",
          "title_en": "Level 1",
          "value": 0.8
        },
        {
          "code": "level_2",
          "title": "二级",
          "title_en": "Level 2",
          "value": 0.9
        },
        {
          "code": "level_3",
          "title": "三级",
          "title_en": "Level 3",
          "value": 1.0
        },
        {
          "code": "small_compliant",
          "title": "小微企业达标",
          "title_en": "Small-business compliant",
          "value": 1.05
        },
        {
          "code": "none",
          "title": "未达标",
          "title_en": "Not certified",
          "value": 1.2
        }
      ]
    },
    "safety_credit": {
      "title": "安全信用系数",
      "title_en": "Safety credit",
      "example": true,
      "from_enterprise": "safety_credit",
      "options": [
        {
          "code": "trusted",
          "title": "守信",
          "title_en": "Trusted",
          "value": 0.9
        },
        {
          "code": "normal",
          "title": "一般",
          "title_en": "Normal",
          "value": 1.0
        },
        {
          "code": "watch",
          "title": "重点关注",
          "title_en": "Under watch",
          "value": 1.1
        },
        {
          "code": "untrusted",
          "title": "失信",
          "title_en": "Untrusted",
          "value": 1.25
        }
      ]
    },
    "dual_prevention": {
      "title": "双重预防机制系数",
      "title_en": "Dual prevention mechanism",
      "example": true,
      "from_enterprise": "dual_prevention",
      "options": [
        {
          "code": "effective",
          "title": "运行有效",
          "title_en": "Working",
          "value": 0.9
        },
        {
          "code": "established",
          "title": "已建立",
          "title_en": "Established",
          "value": 1.0
        },
        {
          "code": "missing",
          "title": "未建立",
          "title_en": "Not established",
          "value": 1.1
        }
      ]
    },
    "headcount_band": {
      "title": "从业人数档次系数",
      "title_en": "Headcount band",
      "example": true,
      "bands": [
        {
          "max": 300,
          "title": "300 人及以下",
          "title_en": "Up to 300",
          "value": 1.0
        },
        {
          "max": 1000,
          "title": "301–1000 人",
          "title_en": "301 to 1,000",
          "value": 0.95
        },
        {
          "max": null,
          "title": "1000 人以上",
          "title_en": "Over 1,000",
          "value": 0.9
        }
      ]
    }
  },
  "prevention_ratio": {
    "max": 0.21,
    "max_applies_to": "high_risk",
    "max_source": "北京市安责险通知（征求意见稿）",
    "max_source_en": "Beijing notice (2024 draft)"
  },
  "statutory_scope": [
    "employee_injury",
    "third_party_injury",
    "third_party_property",
    "rescue",
    "medical_aid",
    "investigation",
    "legal"
  ],
  "statutory_scope_source": "应急〔2025〕27号 第三条",
  "scope_titles": {
    "employee_injury": {
      "title": "从业人员人身伤亡",
      "title_en": "employees' death and injury"
    },
    "third_party_injury": {
      "title": "第三者人身伤亡",
      "title_en": "third-party death and injury"
    },
    "third_party_property": {
      "title": "第三者财产损失",
      "title_en": "third-party property loss"
    },
    "rescue": {
      "title": "抢险救援费用",
      "title_en": "rescue costs"
    },
    "medical_aid": {
      "title": "医疗救护费用",
      "title_en": "medical aid costs"
    },
    "investigation": {
      "title": "事故鉴定费用",
      "title_en": "accident investigation costs"
    },
    "legal": {
      "title": "法律诉讼费用",
      "title_en": "legal costs"
    }
  },
  "max_period_days": 366,
  "long_period_industries": [
    "construction"
  ],
  "period_example": true,
  "period_note": "保险期间一般不超过一年（建筑施工可按项目工期），为示例规则，并非通知原文。",
  "rules": {
    "cover_headcount_mismatch": {
      "source": "应急〔2025〕27号 第十六条；苏应急〔2024〕132号",
      "source_en": "2025 national measures (应急〔2025〕27号) Art. 16; Suzhou bulletin 苏应急〔2024〕132号"
    },
    "not_fully_insured": {
      "source": "应急〔2025〕27号 第十六条",
      "source_en": "2025 national measures (应急〔2025〕27号) Art. 16"
    },
    "cover_below_minimum": {
      "source": "应急〔2025〕27号 第十五条",
      "source_en": "2025 national measures (应急〔2025〕27号) Art. 15"
    },
    "rating_not_regulator": {
      "source": "苏应急〔2024〕132号（未正确使用应急管理部门提供的系数核算保费）",
      "source_en": "Suzhou bulletin 苏应急〔2024〕132号 (coefficients not the regulator's)"
    },
    "coverage_cut": {
      "source": "应急〔2025〕27号 第三条",
      "source_en": "2025 national measures (应急〔2025〕27号) Art. 3"
    },
    "no_prevention_clause": {
      "source": "应急〔2025〕27号 第四条",
      "source_en": "2025 national measures (应急〔2025〕27号) Art. 4"
    },
    "prevention_budget_over_cap": {
      "source": "北京市安责险通知（征求意见稿）",
      "source_en": "Beijing notice (2024 draft)"
    },
    "irregular_entry": {
      "source": "苏应急〔2024〕132号（录入不规范）",
      "source_en": "Suzhou bulletin 苏应急〔2024〕132号 (irregular entry)"
    },
    "renewal": {
      "source": "应急〔2025〕27号 第十六条",
      "source_en": "2025 national measures (应急〔2025〕27号) Art. 16"
    }
  }
},
  'cases': {
 "note": "Parity corpus of the rule-pack checks: the Go package (backend/internal/packs) and <azx-policy-entry> (components/policy-entry/rules.ts) must find exactly these problems.",
 "regions": {
  "320507": "suzhou",
  "320583": "suzhou",
  "110105": "beijing",
  "330602": "national",
  "320105": "national"
 },
 "cases": [
  {
   "name": "a valid Suzhou policy",
   "pack": "suzhou",
   "enterprise": {
    "name": "苏州相城化工有限公司",
    "region_code": "320507",
    "industry": "hazardous_chemicals",
    "headcount": 50,
    "standardization_level": "level_2"
   },
   "record": {
    "policy_no": "SZ-TEST-0001",
    "legal_basis": "2025",
    "status": "active",
    "insured": {
     "uscc": "91320507MA1TEST001",
     "name": "苏州相城化工有限公司",
     "region_code": "320507"
    },
    "period": {
     "start": "2026-01-01",
     "end": "2026-12-31"
    },
    "headcount": 50,
    "insured_persons": 50,
    "cover_per_person": 500000,
    "coverage_scope": [
     "employee_injury",
     "third_party_injury",
     "third_party_property",
     "rescue",
     "medical_aid",
     "investigation",
     "legal"
    ],
    "premium": 16200.0,
    "rating": {
     "base_rate": 400.0,
     "coefficients": {
      "accident_record": 0.9,
      "standardization": 0.9,
      "safety_credit": 1.0,
      "dual_prevention": 1.0,
      "headcount_band": 1.0
     },
     "premium_by_rate": 16200.0
    },
    "prevention_clause": true,
    "prevention_budget": 3321.0,
    "prevention_items": [
     "01",
     "03"
    ]
   },
   "previous": null,
   "errors": {}
  },
  {
   "name": "insured persons differ from the headcount on the policy (保额与投保企业人数不匹配)",
   "pack": "suzhou",
   "enterprise": {
    "name": "苏州相城化工有限公司",
    "region_code": "320507",
    "industry": "hazardous_chemicals",
    "headcount": 50,
    "standardization_level": "level_2"
   },
   "record": {
    "policy_no": "SZ-TEST-0001",
    "legal_basis": "2025",
    "status": "active",
    "insured": {
     "uscc": "91320507MA1TEST001",
     "name": "苏州相城化工有限公司",
     "region_code": "320507"
    },
    "period": {
     "start": "2026-01-01",
     "end": "2026-12-31"
    },
    "headcount": 50,
    "insured_persons": 45,
    "cover_per_person": 500000,
    "coverage_scope": [
     "employee_injury",
     "third_party_injury",
     "third_party_property",
     "rescue",
     "medical_aid",
     "investigation",
     "legal"
    ],
    "premium": 14580.0,
    "rating": {
     "base_rate": 400.0,
     "coefficients": {
      "accident_record": 0.9,
      "standardization": 0.9,
      "safety_credit": 1.0,
      "dual_prevention": 1.0,
      "headcount_band": 1.0
     },
     "premium_by_rate": 14580.0
    },
    "prevention_clause": true,
    "prevention_budget": 2988.9,
    "prevention_items": [
     "01",
     "03"
    ]
   },
   "previous": null,
   "errors": {
    "insured_persons": "cover_headcount_mismatch"
   },
   "messages": {
    "insured_persons": {
     "zh": "保额与投保企业人数不匹配：参保人数 45 应等于从业人员数 50（全员投保；依据：苏应急〔2024〕132号）",
     "en": "Cover does not match headcount: insured persons (45) must equal the headcount (50) — everyone is insured (source: Suzhou bulletin 苏应急〔2024〕132号)"
    }
   }
  },
  {
   "name": "headcount below the registry (未全员投保)",
   "pack": "suzhou",
   "enterprise": {
    "name": "苏州相城化工有限公司",
    "region_code": "320507",
    "industry": "hazardous_chemicals",
    "headcount": 50,
    "standardization_level": "level_2"
   },
   "record": {
    "policy_no": "SZ-TEST-0001",
    "legal_basis": "2025",
    "status": "active",
    "insured": {
     "uscc": "91320507MA1TEST001",
     "name": "苏州相城化工有限公司",
     "region_code": "320507"
    },
    "period": {
     "start": "2026-01-01",
     "end": "2026-12-31"
    },
    "headcount": 40,
    "insured_persons": 40,
    "cover_per_person": 500000,
    "coverage_scope": [
     "employee_injury",
     "third_party_injury",
     "third_party_property",
     "rescue",
     "medical_aid",
     "investigation",
     "legal"
    ],
    "premium": 12960.0,
    "rating": {
     "base_rate": 400.0,
     "coefficients": {
      "accident_record": 0.9,
      "standardization": 0.9,
      "safety_credit": 1.0,
      "dual_prevention": 1.0,
      "headcount_band": 1.0
     },
     "premium_by_rate": 12960.0
    },
    "prevention_clause": true,
    "prevention_budget": 2656.8,
    "prevention_items": [
     "01",
     "03"
    ]
   },
   "previous": null,
   "errors": {
    "headcount": "not_fully_insured"
   },
   "messages": {
    "headcount": {
     "zh": "未全员投保：从业人员数 40 少于应保单位名录登记的 50 人（依据：苏应急〔2024〕132号）",
     "en": "Not everyone insured: the headcount (40) is below the 50 staff in the must-insure registry (source: Suzhou bulletin 苏应急〔2024〕132号)"
    }
   }
  },
  {
   "name": "a coefficient the regulator does not list",
   "pack": "suzhou",
   "enterprise": {
    "name": "苏州相城化工有限公司",
    "region_code": "320507",
    "industry": "hazardous_chemicals",
    "headcount": 50,
    "standardization_level": "level_2"
   },
   "record": {
    "policy_no": "SZ-TEST-0001",
    "legal_basis": "2025",
    "status": "active",
    "insured": {
     "uscc": "91320507MA1TEST001",
     "name": "苏州相城化工有限公司",
     "region_code": "320507"
    },
    "period": {
     "start": "2026-01-01",
     "end": "2026-12-31"
    },
    "headcount": 50,
    "insured_persons": 50,
    "cover_per_person": 500000,
    "coverage_scope": [
     "employee_injury",
     "third_party_injury",
     "third_party_property",
     "rescue",
     "medical_aid",
     "investigation",
     "legal"
    ],
    "premium": 15300.0,
    "rating": {
     "base_rate": 400.0,
     "coefficients": {
      "accident_record": 0.85,
      "standardization": 0.9,
      "safety_credit": 1.0,
      "dual_prevention": 1.0,
      "headcount_band": 1.0
     },
     "premium_by_rate": 15300.0
    },
    "prevention_clause": true,
    "prevention_budget": 3136.5,
    "prevention_items": [
     "01",
     "03"
    ]
   },
   "previous": null,
   "errors": {
    "rating.coefficients.accident_record": "coefficient_not_allowed"
   },
   "messages": {
    "rating.coefficients.accident_record": {
     "zh": "事故记录系数 0.85 不是应急管理部门规定的系数，可选 0.9 / 1 / 1.15 / 1.3（依据：苏应急〔2024〕132号（未正确使用应急管理部门提供的系数核算保费））",
     "en": "Accident record 0.85 is not one of the regulator's coefficients (0.9 / 1 / 1.15 / 1.3) (source: Suzhou bulletin 苏应急〔2024〕132号 (coefficients not the regulator's))"
    }
   }
  },
  {
   "name": "standardization coefficient not the registry grade's",
   "pack": "suzhou",
   "enterprise": {
    "name": "苏州相城化工有限公司",
    "region_code": "320507",
    "industry": "hazardous_chemicals",
    "headcount": 50,
    "standardization_level": "level_2"
   },
   "record": {
    "policy_no": "SZ-TEST-0001",
    "legal_basis": "2025",
    "status": "active",
    "insured": {
     "uscc": "91320507MA1TEST001",
     "name": "苏州相城化工有限公司",
     "region_code": "320507"
    },
    "period": {
     "start": "2026-01-01",
     "end": "2026-12-31"
    },
    "headcount": 50,
    "insured_persons": 50,
    "cover_per_person": 500000,
    "coverage_scope": [
     "employee_injury",
     "third_party_injury",
     "third_party_property",
     "rescue",
     "medical_aid",
     "investigation",
     "legal"
    ],
    "premium": 18000.0,
    "rating": {
     "base_rate": 400.0,
     "coefficients": {
      "accident_record": 0.9,
      "standardization": 1.0,
      "safety_credit": 1.0,
      "dual_prevention": 1.0,
      "headcount_band": 1.0
     },
     "premium_by_rate": 18000.0
    },
    "prevention_clause": true,
    "prevention_budget": 3690.0,
    "prevention_items": [
     "01",
     "03"
    ]
   },
   "previous": null,
   "errors": {
    "rating.coefficients.standardization": "coefficient_not_registry"
   },
   "messages": {
    "rating.coefficients.standardization": {
     "zh": "安全生产标准化等级系数应为 0.9（按应保单位名录登记的等级或人数）（依据：苏应急〔2024〕132号（未正确使用应急管理部门提供的系数核算保费））",
     "en": "Safety standardization grade must be 0.9 (by the grade or headcount in the registry) (source: Suzhou bulletin 苏应急〔2024〕132号 (coefficients not the regulator's))"
    }
   }
  },
  {
   "name": "headcount band of another band",
   "pack": "suzhou",
   "enterprise": {
    "name": "苏州相城化工有限公司",
    "region_code": "320507",
    "industry": "hazardous_chemicals",
    "headcount": 50,
    "standardization_level": "level_2"
   },
   "record": {
    "policy_no": "SZ-TEST-0001",
    "legal_basis": "2025",
    "status": "active",
    "insured": {
     "uscc": "91320507MA1TEST001",
     "name": "苏州相城化工有限公司",
     "region_code": "320507"
    },
    "period": {
     "start": "2026-01-01",
     "end": "2026-12-31"
    },
    "headcount": 50,
    "insured_persons": 50,
    "cover_per_person": 500000,
    "coverage_scope": [
     "employee_injury",
     "third_party_injury",
     "third_party_property",
     "rescue",
     "medical_aid",
     "investigation",
     "legal"
    ],
    "premium": 14580.0,
    "rating": {
     "base_rate": 400.0,
     "coefficients": {
      "accident_record": 0.9,
      "standardization": 0.9,
      "safety_credit": 1.0,
      "dual_prevention": 1.0,
      "headcount_band": 0.9
     },
     "premium_by_rate": 14580.0
    },
    "prevention_clause": true,
    "prevention_budget": 2988.9,
    "prevention_items": [
     "01",
     "03"
    ]
   },
   "previous": null,
   "errors": {
    "rating.coefficients.headcount_band": "coefficient_not_registry"
   },
   "messages": {
    "rating.coefficients.headcount_band": {
     "zh": "从业人数档次系数应为 1（按应保单位名录登记的等级或人数）（依据：苏应急〔2024〕132号（未正确使用应急管理部门提供的系数核算保费））",
     "en": "Headcount band must be 1 (by the grade or headcount in the registry) (source: Suzhou bulletin 苏应急〔2024〕132号 (coefficients not the regulator's))"
    }
   }
  },
  {
   "name": "over 1,000 persons: band 0.9",
   "pack": "suzhou",
   "enterprise": {
    "name": "苏州相城化工有限公司",
    "region_code": "320507",
    "industry": "hazardous_chemicals",
    "headcount": 1200,
    "standardization_level": "level_2"
   },
   "record": {
    "policy_no": "SZ-TEST-0001",
    "legal_basis": "2025",
    "status": "active",
    "insured": {
     "uscc": "91320507MA1TEST001",
     "name": "苏州相城化工有限公司",
     "region_code": "320507"
    },
    "period": {
     "start": "2026-01-01",
     "end": "2026-12-31"
    },
    "headcount": 1200,
    "insured_persons": 1200,
    "cover_per_person": 500000,
    "coverage_scope": [
     "employee_injury",
     "third_party_injury",
     "third_party_property",
     "rescue",
     "medical_aid",
     "investigation",
     "legal"
    ],
    "premium": 349920.0,
    "rating": {
     "base_rate": 400.0,
     "coefficients": {
      "accident_record": 0.9,
      "standardization": 0.9,
      "safety_credit": 1.0,
      "dual_prevention": 1.0,
      "headcount_band": 0.9
     },
     "premium_by_rate": 349920.0
    },
    "prevention_clause": true,
    "prevention_budget": 71733.6,
    "prevention_items": [
     "01",
     "03"
    ]
   },
   "previous": null,
   "errors": {}
  },
  {
   "name": "premium below the rating (unapproved discount)",
   "pack": "suzhou",
   "enterprise": {
    "name": "苏州相城化工有限公司",
    "region_code": "320507",
    "industry": "hazardous_chemicals",
    "headcount": 50,
    "standardization_level": "level_2"
   },
   "record": {
    "policy_no": "SZ-TEST-0001",
    "legal_basis": "2025",
    "status": "active",
    "insured": {
     "uscc": "91320507MA1TEST001",
     "name": "苏州相城化工有限公司",
     "region_code": "320507"
    },
    "period": {
     "start": "2026-01-01",
     "end": "2026-12-31"
    },
    "headcount": 50,
    "insured_persons": 50,
    "cover_per_person": 500000,
    "coverage_scope": [
     "employee_injury",
     "third_party_injury",
     "third_party_property",
     "rescue",
     "medical_aid",
     "investigation",
     "legal"
    ],
    "premium": 15000,
    "rating": {
     "base_rate": 400.0,
     "coefficients": {
      "accident_record": 0.9,
      "standardization": 0.9,
      "safety_credit": 1.0,
      "dual_prevention": 1.0,
      "headcount_band": 1.0
     },
     "premium_by_rate": 16200.0
    },
    "prevention_clause": true,
    "prevention_budget": 3100,
    "prevention_items": [
     "01",
     "03"
    ]
   },
   "previous": null,
   "errors": {
    "premium": "premium_mismatch"
   },
   "messages": {
    "premium": {
     "zh": "保险费 15000 元与按费率计算的 16200 元不一致，未按费率机制核算保费（依据：苏应急〔2024〕132号（未正确使用应急管理部门提供的系数核算保费））",
     "en": "The premium (15000 yuan) differs from the 16200 yuan the rating gives (source: Suzhou bulletin 苏应急〔2024〕132号 (coefficients not the regulator's))"
    }
   }
  },
  {
   "name": "premium by rate miscomputed",
   "pack": "suzhou",
   "enterprise": {
    "name": "苏州相城化工有限公司",
    "region_code": "320507",
    "industry": "hazardous_chemicals",
    "headcount": 50,
    "standardization_level": "level_2"
   },
   "record": {
    "policy_no": "SZ-TEST-0001",
    "legal_basis": "2025",
    "status": "active",
    "insured": {
     "uscc": "91320507MA1TEST001",
     "name": "苏州相城化工有限公司",
     "region_code": "320507"
    },
    "period": {
     "start": "2026-01-01",
     "end": "2026-12-31"
    },
    "headcount": 50,
    "insured_persons": 50,
    "cover_per_person": 500000,
    "coverage_scope": [
     "employee_injury",
     "third_party_injury",
     "third_party_property",
     "rescue",
     "medical_aid",
     "investigation",
     "legal"
    ],
    "premium": 16200.0,
    "rating": {
     "base_rate": 400.0,
     "coefficients": {
      "accident_record": 0.9,
      "standardization": 0.9,
      "safety_credit": 1.0,
      "dual_prevention": 1.0,
      "headcount_band": 1.0
     },
     "premium_by_rate": 16000
    },
    "prevention_clause": true,
    "prevention_budget": 3321.0,
    "prevention_items": [
     "01",
     "03"
    ]
   },
   "previous": null,
   "errors": {
    "rating.premium_by_rate": "premium_by_rate_mismatch"
   },
   "messages": {
    "rating.premium_by_rate": {
     "zh": "按费率计算保费应为 16200 元（基准费率 × 浮动系数 × 参保人数）（依据：苏应急〔2024〕132号（未正确使用应急管理部门提供的系数核算保费））",
     "en": "The premium by the rating must be 16200 yuan (base rate × coefficients × insured persons) (source: Suzhou bulletin 苏应急〔2024〕132号 (coefficients not the regulator's))"
    }
   }
  },
  {
   "name": "base rate not the pack's",
   "pack": "suzhou",
   "enterprise": {
    "name": "苏州相城化工有限公司",
    "region_code": "320507",
    "industry": "hazardous_chemicals",
    "headcount": 50,
    "standardization_level": "level_2"
   },
   "record": {
    "policy_no": "SZ-TEST-0001",
    "legal_basis": "2025",
    "status": "active",
    "insured": {
     "uscc": "91320507MA1TEST001",
     "name": "苏州相城化工有限公司",
     "region_code": "320507"
    },
    "period": {
     "start": "2026-01-01",
     "end": "2026-12-31"
    },
    "headcount": 50,
    "insured_persons": 50,
    "cover_per_person": 500000,
    "coverage_scope": [
     "employee_injury",
     "third_party_injury",
     "third_party_property",
     "rescue",
     "medical_aid",
     "investigation",
     "legal"
    ],
    "premium": 12150.0,
    "rating": {
     "base_rate": 300,
     "coefficients": {
      "accident_record": 0.9,
      "standardization": 0.9,
      "safety_credit": 1.0,
      "dual_prevention": 1.0,
      "headcount_band": 1.0
     },
     "premium_by_rate": 12150.0
    },
    "prevention_clause": true,
    "prevention_budget": 2490.75,
    "prevention_items": [
     "01",
     "03"
    ]
   },
   "previous": null,
   "errors": {
    "rating.base_rate": "base_rate_mismatch"
   },
   "messages": {
    "rating.base_rate": {
     "zh": "基准费率应为 400 元/人·年（苏州（苏应急〔2024〕132号），hazardous_chemicals，每人限额 500000 元）（依据：苏应急〔2024〕132号（未正确使用应急管理部门提供的系数核算保费））",
     "en": "The base rate must be 400 yuan per person per year (Suzhou (2024 bulletin), hazardous_chemicals, cover 500000) (source: Suzhou bulletin 苏应急〔2024〕132号 (coefficients not the regulator's))"
    }
   }
  },
  {
   "name": "no rating at all",
   "pack": "suzhou",
   "enterprise": {
    "name": "苏州相城化工有限公司",
    "region_code": "320507",
    "industry": "hazardous_chemicals",
    "headcount": 50,
    "standardization_level": "level_2"
   },
   "record": {
    "policy_no": "SZ-TEST-0001",
    "legal_basis": "2025",
    "status": "active",
    "insured": {
     "uscc": "91320507MA1TEST001",
     "name": "苏州相城化工有限公司",
     "region_code": "320507"
    },
    "period": {
     "start": "2026-01-01",
     "end": "2026-12-31"
    },
    "headcount": 50,
    "insured_persons": 50,
    "cover_per_person": 500000,
    "coverage_scope": [
     "employee_injury",
     "third_party_injury",
     "third_party_property",
     "rescue",
     "medical_aid",
     "investigation",
     "legal"
    ],
    "premium": 16200.0,
    "prevention_clause": true,
    "prevention_budget": 3321.0,
    "prevention_items": [
     "01",
     "03"
    ]
   },
   "previous": null,
   "errors": {
    "rating": "rating_missing"
   },
   "messages": {
    "rating": {
     "zh": "未按费率机制核算保费：须填写基准费率和应急管理部门规定的浮动系数（依据：苏应急〔2024〕132号（未正确使用应急管理部门提供的系数核算保费））",
     "en": "Premium not rated: the base rate and the regulator's coefficients are required (source: Suzhou bulletin 苏应急〔2024〕132号 (coefficients not the regulator's))"
    }
   }
  },
  {
   "name": "a coefficient left out",
   "pack": "suzhou",
   "enterprise": {
    "name": "苏州相城化工有限公司",
    "region_code": "320507",
    "industry": "hazardous_chemicals",
    "headcount": 50,
    "standardization_level": "level_2"
   },
   "record": {
    "policy_no": "SZ-TEST-0001",
    "legal_basis": "2025",
    "status": "active",
    "insured": {
     "uscc": "91320507MA1TEST001",
     "name": "苏州相城化工有限公司",
     "region_code": "320507"
    },
    "period": {
     "start": "2026-01-01",
     "end": "2026-12-31"
    },
    "headcount": 50,
    "insured_persons": 50,
    "cover_per_person": 500000,
    "coverage_scope": [
     "employee_injury",
     "third_party_injury",
     "third_party_property",
     "rescue",
     "medical_aid",
     "investigation",
     "legal"
    ],
    "premium": 16200.0,
    "rating": {
     "base_rate": 400.0,
     "coefficients": {
      "accident_record": 0.9,
      "standardization": 0.9,
      "safety_credit": 1.0,
      "dual_prevention": 1.0
     },
     "premium_by_rate": 16200.0
    },
    "prevention_clause": true,
    "prevention_budget": 3321.0,
    "prevention_items": [
     "01",
     "03"
    ]
   },
   "previous": null,
   "errors": {
    "rating.coefficients.headcount_band": "rating_missing"
   },
   "messages": {
    "rating.coefficients.headcount_band": {
     "zh": "未按费率机制核算保费：须填写基准费率和应急管理部门规定的浮动系数（依据：苏应急〔2024〕132号（未正确使用应急管理部门提供的系数核算保费））",
     "en": "Premium not rated: the base rate and the regulator's coefficients are required (source: Suzhou bulletin 苏应急〔2024〕132号 (coefficients not the regulator's))"
    }
   }
  },
  {
   "name": "no prevention clause",
   "pack": "suzhou",
   "enterprise": {
    "name": "苏州相城化工有限公司",
    "region_code": "320507",
    "industry": "hazardous_chemicals",
    "headcount": 50,
    "standardization_level": "level_2"
   },
   "record": {
    "policy_no": "SZ-TEST-0001",
    "legal_basis": "2025",
    "status": "active",
    "insured": {
     "uscc": "91320507MA1TEST001",
     "name": "苏州相城化工有限公司",
     "region_code": "320507"
    },
    "period": {
     "start": "2026-01-01",
     "end": "2026-12-31"
    },
    "headcount": 50,
    "insured_persons": 50,
    "cover_per_person": 500000,
    "coverage_scope": [
     "employee_injury",
     "third_party_injury",
     "third_party_property",
     "rescue",
     "medical_aid",
     "investigation",
     "legal"
    ],
    "premium": 16200.0,
    "rating": {
     "base_rate": 400.0,
     "coefficients": {
      "accident_record": 0.9,
      "standardization": 0.9,
      "safety_credit": 1.0,
      "dual_prevention": 1.0,
      "headcount_band": 1.0
     },
     "premium_by_rate": 16200.0
    },
    "prevention_clause": false,
    "prevention_budget": 3321.0,
    "prevention_items": [
     "01",
     "03"
    ]
   },
   "previous": null,
   "errors": {
    "prevention_clause": "no_prevention_clause"
   },
   "messages": {
    "prevention_clause": {
     "zh": "保单未明确约定事故预防服务（依据：苏应急〔2024〕132号）",
     "en": "The policy does not state the accident-prevention services (source: Suzhou bulletin 苏应急〔2024〕132号)"
    }
   }
  },
  {
   "name": "budget under 20% of premium in Suzhou",
   "pack": "suzhou",
   "enterprise": {
    "name": "苏州相城化工有限公司",
    "region_code": "320507",
    "industry": "hazardous_chemicals",
    "headcount": 50,
    "standardization_level": "level_2"
   },
   "record": {
    "policy_no": "SZ-TEST-0001",
    "legal_basis": "2025",
    "status": "active",
    "insured": {
     "uscc": "91320507MA1TEST001",
     "name": "苏州相城化工有限公司",
     "region_code": "320507"
    },
    "period": {
     "start": "2026-01-01",
     "end": "2026-12-31"
    },
    "headcount": 50,
    "insured_persons": 50,
    "cover_per_person": 500000,
    "coverage_scope": [
     "employee_injury",
     "third_party_injury",
     "third_party_property",
     "rescue",
     "medical_aid",
     "investigation",
     "legal"
    ],
    "premium": 16200.0,
    "rating": {
     "base_rate": 400.0,
     "coefficients": {
      "accident_record": 0.9,
      "standardization": 0.9,
      "safety_credit": 1.0,
      "dual_prevention": 1.0,
      "headcount_band": 1.0
     },
     "premium_by_rate": 16200.0
    },
    "prevention_clause": true,
    "prevention_budget": 3239.99,
    "prevention_items": [
     "01",
     "03"
    ]
   },
   "previous": null,
   "errors": {
    "prevention_budget": "prevention_budget_under_ratio"
   },
   "messages": {
    "prevention_budget": {
     "zh": "事故预防服务费用不得低于保费的 20%，即至少 3240 元（依据：苏应急〔2024〕132号）",
     "en": "The prevention budget must be at least 20% of the premium, 3240 yuan (source: Suzhou bulletin 苏应急〔2024〕132号)"
    }
   }
  },
  {
   "name": "budget exactly 20% in Suzhou",
   "pack": "suzhou",
   "enterprise": {
    "name": "苏州相城化工有限公司",
    "region_code": "320507",
    "industry": "hazardous_chemicals",
    "headcount": 50,
    "standardization_level": "level_2"
   },
   "record": {
    "policy_no": "SZ-TEST-0001",
    "legal_basis": "2025",
    "status": "active",
    "insured": {
     "uscc": "91320507MA1TEST001",
     "name": "苏州相城化工有限公司",
     "region_code": "320507"
    },
    "period": {
     "start": "2026-01-01",
     "end": "2026-12-31"
    },
    "headcount": 50,
    "insured_persons": 50,
    "cover_per_person": 500000,
    "coverage_scope": [
     "employee_injury",
     "third_party_injury",
     "third_party_property",
     "rescue",
     "medical_aid",
     "investigation",
     "legal"
    ],
    "premium": 16200.0,
    "rating": {
     "base_rate": 400.0,
     "coefficients": {
      "accident_record": 0.9,
      "standardization": 0.9,
      "safety_credit": 1.0,
      "dual_prevention": 1.0,
      "headcount_band": 1.0
     },
     "premium_by_rate": 16200.0
    },
    "prevention_clause": true,
    "prevention_budget": 3240,
    "prevention_items": [
     "01",
     "03"
    ]
   },
   "previous": null,
   "errors": {}
  },
  {
   "name": "budget over 21% for a high-risk industry in Suzhou",
   "pack": "suzhou",
   "enterprise": {
    "name": "苏州相城化工有限公司",
    "region_code": "320507",
    "industry": "hazardous_chemicals",
    "headcount": 50,
    "standardization_level": "level_2"
   },
   "record": {
    "policy_no": "SZ-TEST-0001",
    "legal_basis": "2025",
    "status": "active",
    "insured": {
     "uscc": "91320507MA1TEST001",
     "name": "苏州相城化工有限公司",
     "region_code": "320507"
    },
    "period": {
     "start": "2026-01-01",
     "end": "2026-12-31"
    },
    "headcount": 50,
    "insured_persons": 50,
    "cover_per_person": 500000,
    "coverage_scope": [
     "employee_injury",
     "third_party_injury",
     "third_party_property",
     "rescue",
     "medical_aid",
     "investigation",
     "legal"
    ],
    "premium": 16200.0,
    "rating": {
     "base_rate": 400.0,
     "coefficients": {
      "accident_record": 0.9,
      "standardization": 0.9,
      "safety_credit": 1.0,
      "dual_prevention": 1.0,
      "headcount_band": 1.0
     },
     "premium_by_rate": 16200.0
    },
    "prevention_clause": true,
    "prevention_budget": 3402.01,
    "prevention_items": [
     "01",
     "03"
    ]
   },
   "previous": null,
   "errors": {
    "prevention_budget": "prevention_budget_over_cap"
   },
   "messages": {
    "prevention_budget": {
     "zh": "高危行业事故预防服务费用不得高于保费的 21%，即至多 3402 元（依据：应急厅函〔2024〕322号）",
     "en": "For a high-risk industry the prevention budget must not exceed 21% of the premium, 3402 yuan (source: national cap 应急厅函〔2024〕322号)"
    }
   }
  },
  {
   "name": "national pack: no minimum share",
   "pack": "national",
   "enterprise": {
    "name": "苏州相城化工有限公司",
    "region_code": "320507",
    "industry": "hazardous_chemicals",
    "headcount": 50,
    "standardization_level": "level_2"
   },
   "record": {
    "policy_no": "SZ-TEST-0001",
    "legal_basis": "2025",
    "status": "active",
    "insured": {
     "uscc": "91320507MA1TEST001",
     "name": "苏州相城化工有限公司",
     "region_code": "320507"
    },
    "period": {
     "start": "2026-01-01",
     "end": "2026-12-31"
    },
    "headcount": 50,
    "insured_persons": 50,
    "cover_per_person": 500000,
    "coverage_scope": [
     "employee_injury",
     "third_party_injury",
     "third_party_property",
     "rescue",
     "medical_aid",
     "investigation",
     "legal"
    ],
    "premium": 16200.0,
    "rating": {
     "base_rate": 400.0,
     "coefficients": {
      "accident_record": 0.9,
      "standardization": 0.9,
      "safety_credit": 1.0,
      "dual_prevention": 1.0,
      "headcount_band": 1.0
     },
     "premium_by_rate": 16200.0
    },
    "prevention_clause": true,
    "prevention_budget": 1000,
    "prevention_items": [
     "01",
     "03"
    ]
   },
   "previous": null,
   "errors": {}
  },
  {
   "name": "national pack: 21% cap for high-risk",
   "pack": "national",
   "enterprise": {
    "name": "苏州相城化工有限公司",
    "region_code": "320507",
    "industry": "hazardous_chemicals",
    "headcount": 50,
    "standardization_level": "level_2"
   },
   "record": {
    "policy_no": "SZ-TEST-0001",
    "legal_basis": "2025",
    "status": "active",
    "insured": {
     "uscc": "91320507MA1TEST001",
     "name": "苏州相城化工有限公司",
     "region_code": "320507"
    },
    "period": {
     "start": "2026-01-01",
     "end": "2026-12-31"
    },
    "headcount": 50,
    "insured_persons": 50,
    "cover_per_person": 500000,
    "coverage_scope": [
     "employee_injury",
     "third_party_injury",
     "third_party_property",
     "rescue",
     "medical_aid",
     "investigation",
     "legal"
    ],
    "premium": 16200.0,
    "rating": {
     "base_rate": 400.0,
     "coefficients": {
      "accident_record": 0.9,
      "standardization": 0.9,
      "safety_credit": 1.0,
      "dual_prevention": 1.0,
      "headcount_band": 1.0
     },
     "premium_by_rate": 16200.0
    },
    "prevention_clause": true,
    "prevention_budget": 3500,
    "prevention_items": [
     "01",
     "03"
    ]
   },
   "previous": null,
   "errors": {
    "prevention_budget": "prevention_budget_over_cap"
   },
   "messages": {
    "prevention_budget": {
     "zh": "高危行业事故预防服务费用不得高于保费的 21%，即至多 3402 元（依据：应急厅函〔2024〕322号）",
     "en": "For a high-risk industry the prevention budget must not exceed 21% of the premium, 3402 yuan (source: national cap 应急厅函〔2024〕322号)"
    }
   }
  },
  {
   "name": "national pack: no cap outside high-risk industries",
   "pack": "national",
   "enterprise": {
    "name": "苏州某医药有限公司",
    "region_code": "320507",
    "industry": "pharmaceutical",
    "headcount": 50,
    "standardization_level": "level_2"
   },
   "record": {
    "policy_no": "SZ-TEST-0001",
    "legal_basis": "2025",
    "status": "active",
    "insured": {
     "uscc": "91320507MA1TEST001",
     "name": "苏州某医药有限公司",
     "region_code": "320507"
    },
    "period": {
     "start": "2026-01-01",
     "end": "2026-12-31"
    },
    "headcount": 50,
    "insured_persons": 50,
    "cover_per_person": 500000,
    "coverage_scope": [
     "employee_injury",
     "third_party_injury",
     "third_party_property",
     "rescue",
     "medical_aid",
     "investigation",
     "legal"
    ],
    "premium": 9720.0,
    "rating": {
     "base_rate": 240.0,
     "coefficients": {
      "accident_record": 0.9,
      "standardization": 0.9,
      "safety_credit": 1.0,
      "dual_prevention": 1.0,
      "headcount_band": 1.0
     },
     "premium_by_rate": 9720.0
    },
    "prevention_clause": true,
    "prevention_budget": 3000,
    "prevention_items": [
     "01",
     "03"
    ]
   },
   "previous": null,
   "errors": {}
  },
  {
   "name": "Beijing: a valid construction policy",
   "pack": "beijing",
   "enterprise": {
    "name": "北京朝阳建工有限公司",
    "region_code": "110105",
    "industry": "construction",
    "headcount": 120,
    "standardization_level": "level_2"
   },
   "record": {
    "policy_no": "SZ-TEST-0001",
    "legal_basis": "2025",
    "status": "active",
    "insured": {
     "uscc": "91320507MA1TEST001",
     "name": "北京朝阳建工有限公司",
     "region_code": "110105"
    },
    "period": {
     "start": "2026-01-01",
     "end": "2026-12-31"
    },
    "headcount": 120,
    "insured_persons": 120,
    "cover_per_person": 500000,
    "coverage_scope": [
     "employee_injury",
     "third_party_injury",
     "third_party_property",
     "rescue",
     "medical_aid",
     "investigation",
     "legal"
    ],
    "premium": 24300.0,
    "rating": {
     "base_rate": 250.0,
     "coefficients": {
      "accident_record": 0.9,
      "standardization": 0.9,
      "safety_credit": 1.0,
      "dual_prevention": 1.0,
      "headcount_band": 1.0
     },
     "premium_by_rate": 24300.0
    },
    "prevention_clause": true,
    "prevention_budget": 4981.5,
    "prevention_items": [
     "01",
     "03"
    ]
   },
   "previous": null,
   "errors": {}
  },
  {
   "name": "Beijing: budget over 21% for construction",
   "pack": "beijing",
   "enterprise": {
    "name": "北京朝阳建工有限公司",
    "region_code": "110105",
    "industry": "construction",
    "headcount": 120,
    "standardization_level": "level_2"
   },
   "record": {
    "policy_no": "SZ-TEST-0001",
    "legal_basis": "2025",
    "status": "active",
    "insured": {
     "uscc": "91320507MA1TEST001",
     "name": "北京朝阳建工有限公司",
     "region_code": "110105"
    },
    "period": {
     "start": "2026-01-01",
     "end": "2026-12-31"
    },
    "headcount": 120,
    "insured_persons": 120,
    "cover_per_person": 500000,
    "coverage_scope": [
     "employee_injury",
     "third_party_injury",
     "third_party_property",
     "rescue",
     "medical_aid",
     "investigation",
     "legal"
    ],
    "premium": 24300.0,
    "rating": {
     "base_rate": 250.0,
     "coefficients": {
      "accident_record": 0.9,
      "standardization": 0.9,
      "safety_credit": 1.0,
      "dual_prevention": 1.0,
      "headcount_band": 1.0
     },
     "premium_by_rate": 24300.0
    },
    "prevention_clause": true,
    "prevention_budget": 7290.0,
    "prevention_items": [
     "01",
     "03"
    ]
   },
   "previous": null,
   "errors": {
    "prevention_budget": "prevention_budget_over_cap"
   },
   "messages": {
    "prevention_budget": {
     "zh": "高危行业事故预防服务费用不得高于保费的 21%，即至多 5103 元（依据：北京市安责险通知（征求意见稿））",
     "en": "For a high-risk industry the prevention budget must not exceed 21% of the premium, 5103 yuan (source: Beijing notice (2024 draft))"
    }
   }
  },
  {
   "name": "insured name typed differently (录入不规范)",
   "pack": "suzhou",
   "enterprise": {
    "name": "苏州相城化工有限公司",
    "region_code": "320507",
    "industry": "hazardous_chemicals",
    "headcount": 50,
    "standardization_level": "level_2"
   },
   "record": {
    "policy_no": "SZ-TEST-0001",
    "legal_basis": "2025",
    "status": "active",
    "insured": {
     "uscc": "91320507MA1TEST001",
     "name": "苏州相城化工",
     "region_code": "320507"
    },
    "period": {
     "start": "2026-01-01",
     "end": "2026-12-31"
    },
    "headcount": 50,
    "insured_persons": 50,
    "cover_per_person": 500000,
    "coverage_scope": [
     "employee_injury",
     "third_party_injury",
     "third_party_property",
     "rescue",
     "medical_aid",
     "investigation",
     "legal"
    ],
    "premium": 16200.0,
    "rating": {
     "base_rate": 400.0,
     "coefficients": {
      "accident_record": 0.9,
      "standardization": 0.9,
      "safety_credit": 1.0,
      "dual_prevention": 1.0,
      "headcount_band": 1.0
     },
     "premium_by_rate": 16200.0
    },
    "prevention_clause": true,
    "prevention_budget": 3321.0,
    "prevention_items": [
     "01",
     "03"
    ]
   },
   "previous": null,
   "errors": {
    "insured.name": "irregular_name"
   },
   "messages": {
    "insured.name": {
     "zh": "录入不规范：被保险人名称应与应保单位名录一致（苏州相城化工有限公司）（依据：苏应急〔2024〕132号（录入不规范））",
     "en": "Irregular entry: the insured's name must be the registry's (苏州相城化工有限公司) (source: Suzhou bulletin 苏应急〔2024〕132号 (irregular entry))"
    }
   }
  },
  {
   "name": "insured region entered as the city",
   "pack": "suzhou",
   "enterprise": {
    "name": "苏州相城化工有限公司",
    "region_code": "320507",
    "industry": "hazardous_chemicals",
    "headcount": 50,
    "standardization_level": "level_2"
   },
   "record": {
    "policy_no": "SZ-TEST-0001",
    "legal_basis": "2025",
    "status": "active",
    "insured": {
     "uscc": "91320507MA1TEST001",
     "name": "苏州相城化工有限公司",
     "region_code": "320500"
    },
    "period": {
     "start": "2026-01-01",
     "end": "2026-12-31"
    },
    "headcount": 50,
    "insured_persons": 50,
    "cover_per_person": 500000,
    "coverage_scope": [
     "employee_injury",
     "third_party_injury",
     "third_party_property",
     "rescue",
     "medical_aid",
     "investigation",
     "legal"
    ],
    "premium": 16200.0,
    "rating": {
     "base_rate": 400.0,
     "coefficients": {
      "accident_record": 0.9,
      "standardization": 0.9,
      "safety_credit": 1.0,
      "dual_prevention": 1.0,
      "headcount_band": 1.0
     },
     "premium_by_rate": 16200.0
    },
    "prevention_clause": true,
    "prevention_budget": 3321.0,
    "prevention_items": [
     "01",
     "03"
    ]
   },
   "previous": null,
   "errors": {
    "insured.region_code": "irregular_region"
   },
   "messages": {
    "insured.region_code": {
     "zh": "录入不规范：被保险人所在行政区划应与应保单位名录一致（320507）（依据：苏应急〔2024〕132号（录入不规范））",
     "en": "Irregular entry: the insured's region must be the registry's (320507) (source: Suzhou bulletin 苏应急〔2024〕132号 (irregular entry))"
    }
   }
  },
  {
   "name": "cover under the 2025 minimum",
   "pack": "suzhou",
   "enterprise": {
    "name": "苏州相城化工有限公司",
    "region_code": "320507",
    "industry": "hazardous_chemicals",
    "headcount": 50,
    "standardization_level": "level_2"
   },
   "record": {
    "policy_no": "SZ-TEST-0001",
    "legal_basis": "2025",
    "status": "active",
    "insured": {
     "uscc": "91320507MA1TEST001",
     "name": "苏州相城化工有限公司",
     "region_code": "320507"
    },
    "period": {
     "start": "2026-01-01",
     "end": "2026-12-31"
    },
    "headcount": 50,
    "insured_persons": 50,
    "cover_per_person": 350000,
    "coverage_scope": [
     "employee_injury",
     "third_party_injury",
     "third_party_property",
     "rescue",
     "medical_aid",
     "investigation",
     "legal"
    ],
    "premium": 11340.0,
    "rating": {
     "base_rate": 280.0,
     "coefficients": {
      "accident_record": 0.9,
      "standardization": 0.9,
      "safety_credit": 1.0,
      "dual_prevention": 1.0,
      "headcount_band": 1.0
     },
     "premium_by_rate": 11340.0
    },
    "prevention_clause": true,
    "prevention_budget": 2324.7,
    "prevention_items": [
     "01",
     "03"
    ]
   },
   "previous": null,
   "errors": {
    "cover_per_person": "cover_below_minimum"
   },
   "messages": {
    "cover_per_person": {
     "zh": "每人死亡伤残责任限额不得低于 400000 元（依据：应急〔2025〕27号 第十五条）",
     "en": "Death and disability cover per person must be at least 400000 yuan (source: 2025 national measures (应急〔2025〕27号) Art. 15)"
    }
   }
  },
  {
   "name": "2017 measures: 300,000 is enough",
   "pack": "suzhou",
   "enterprise": {
    "name": "苏州相城化工有限公司",
    "region_code": "320507",
    "industry": "hazardous_chemicals",
    "headcount": 50,
    "standardization_level": "level_2"
   },
   "record": {
    "policy_no": "SZ-TEST-0001",
    "legal_basis": "2017",
    "status": "active",
    "insured": {
     "uscc": "91320507MA1TEST001",
     "name": "苏州相城化工有限公司",
     "region_code": "320507"
    },
    "period": {
     "start": "2026-01-01",
     "end": "2026-12-31"
    },
    "headcount": 50,
    "insured_persons": 50,
    "cover_per_person": 300000,
    "coverage_scope": [
     "employee_injury",
     "third_party_injury",
     "third_party_property",
     "rescue",
     "medical_aid",
     "investigation",
     "legal"
    ],
    "premium": 9720.0,
    "rating": {
     "base_rate": 240.0,
     "coefficients": {
      "accident_record": 0.9,
      "standardization": 0.9,
      "safety_credit": 1.0,
      "dual_prevention": 1.0,
      "headcount_band": 1.0
     },
     "premium_by_rate": 9720.0
    },
    "prevention_clause": true,
    "prevention_budget": 1992.6,
    "prevention_items": [
     "01",
     "03"
    ]
   },
   "previous": null,
   "errors": {}
  },
  {
   "name": "a statutory cover item cut",
   "pack": "suzhou",
   "enterprise": {
    "name": "苏州相城化工有限公司",
    "region_code": "320507",
    "industry": "hazardous_chemicals",
    "headcount": 50,
    "standardization_level": "level_2"
   },
   "record": {
    "policy_no": "SZ-TEST-0001",
    "legal_basis": "2025",
    "status": "active",
    "insured": {
     "uscc": "91320507MA1TEST001",
     "name": "苏州相城化工有限公司",
     "region_code": "320507"
    },
    "period": {
     "start": "2026-01-01",
     "end": "2026-12-31"
    },
    "headcount": 50,
    "insured_persons": 50,
    "cover_per_person": 500000,
    "coverage_scope": [
     "employee_injury",
     "third_party_injury",
     "third_party_property"
    ],
    "premium": 16200.0,
    "rating": {
     "base_rate": 400.0,
     "coefficients": {
      "accident_record": 0.9,
      "standardization": 0.9,
      "safety_credit": 1.0,
      "dual_prevention": 1.0,
      "headcount_band": 1.0
     },
     "premium_by_rate": 16200.0
    },
    "prevention_clause": true,
    "prevention_budget": 3321.0,
    "prevention_items": [
     "01",
     "03"
    ]
   },
   "previous": null,
   "errors": {
    "coverage_scope": "coverage_cut"
   },
   "messages": {
    "coverage_scope": {
     "zh": "不得删减保障内容：缺少 抢险救援费用、医疗救护费用、事故鉴定费用、法律诉讼费用（依据：苏应急〔2024〕132号（删减保障内容））",
     "en": "The cover must not be cut; missing: rescue costs, medical aid costs, accident investigation costs, legal costs (source: Suzhou bulletin 苏应急〔2024〕132号 (cover cut))"
    }
   }
  },
  {
   "name": "restrictions added",
   "pack": "suzhou",
   "enterprise": {
    "name": "苏州相城化工有限公司",
    "region_code": "320507",
    "industry": "hazardous_chemicals",
    "headcount": 50,
    "standardization_level": "level_2"
   },
   "record": {
    "policy_no": "SZ-TEST-0001",
    "legal_basis": "2025",
    "status": "active",
    "insured": {
     "uscc": "91320507MA1TEST001",
     "name": "苏州相城化工有限公司",
     "region_code": "320507"
    },
    "period": {
     "start": "2026-01-01",
     "end": "2026-12-31"
    },
    "headcount": 50,
    "insured_persons": 50,
    "cover_per_person": 500000,
    "coverage_scope": [
     "employee_injury",
     "third_party_injury",
     "third_party_property",
     "rescue",
     "medical_aid",
     "investigation",
     "legal"
    ],
    "premium": 16200.0,
    "rating": {
     "base_rate": 400.0,
     "coefficients": {
      "accident_record": 0.9,
      "standardization": 0.9,
      "safety_credit": 1.0,
      "dual_prevention": 1.0,
      "headcount_band": 1.0
     },
     "premium_by_rate": 16200.0
    },
    "prevention_clause": true,
    "prevention_budget": 3321.0,
    "prevention_items": [
     "01",
     "03"
    ],
    "restrictions": [
     "仅承保白班作业期间发生的事故"
    ]
   },
   "previous": null,
   "errors": {
    "restrictions": "restrictions_added"
   },
   "messages": {
    "restrictions": {
     "zh": "不得在保险方案之外增加限制条件（依据：苏应急〔2024〕132号（未正确使用应急管理部门提供的系数核算保费））",
     "en": "No restrictions may be added outside the insurance scheme (source: Suzhou bulletin 苏应急〔2024〕132号 (coefficients not the regulator's))"
    }
   }
  },
  {
   "name": "period of two years",
   "pack": "suzhou",
   "enterprise": {
    "name": "苏州相城化工有限公司",
    "region_code": "320507",
    "industry": "hazardous_chemicals",
    "headcount": 50,
    "standardization_level": "level_2"
   },
   "record": {
    "policy_no": "SZ-TEST-0001",
    "legal_basis": "2025",
    "status": "active",
    "insured": {
     "uscc": "91320507MA1TEST001",
     "name": "苏州相城化工有限公司",
     "region_code": "320507"
    },
    "period": {
     "start": "2026-01-01",
     "end": "2027-12-31"
    },
    "headcount": 50,
    "insured_persons": 50,
    "cover_per_person": 500000,
    "coverage_scope": [
     "employee_injury",
     "third_party_injury",
     "third_party_property",
     "rescue",
     "medical_aid",
     "investigation",
     "legal"
    ],
    "premium": 16200.0,
    "rating": {
     "base_rate": 400.0,
     "coefficients": {
      "accident_record": 0.9,
      "standardization": 0.9,
      "safety_credit": 1.0,
      "dual_prevention": 1.0,
      "headcount_band": 1.0
     },
     "premium_by_rate": 16200.0
    },
    "prevention_clause": true,
    "prevention_budget": 3321.0,
    "prevention_items": [
     "01",
     "03"
    ]
   },
   "previous": null,
   "errors": {
    "period.end": "period_invalid"
   },
   "messages": {
    "period.end": {
     "zh": "录入不规范：终保日期须晚于起保日期，保险期间不超过 366 天（建筑施工项目除外）（依据：苏应急〔2024〕132号（录入不规范））",
     "en": "Irregular entry: the period must end after it starts and last at most 366 days (construction projects excepted) (source: Suzhou bulletin 苏应急〔2024〕132号 (irregular entry))"
    }
   }
  },
  {
   "name": "period ending before it starts",
   "pack": "suzhou",
   "enterprise": {
    "name": "苏州相城化工有限公司",
    "region_code": "320507",
    "industry": "hazardous_chemicals",
    "headcount": 50,
    "standardization_level": "level_2"
   },
   "record": {
    "policy_no": "SZ-TEST-0001",
    "legal_basis": "2025",
    "status": "active",
    "insured": {
     "uscc": "91320507MA1TEST001",
     "name": "苏州相城化工有限公司",
     "region_code": "320507"
    },
    "period": {
     "start": "2026-01-01",
     "end": "2025-12-31"
    },
    "headcount": 50,
    "insured_persons": 50,
    "cover_per_person": 500000,
    "coverage_scope": [
     "employee_injury",
     "third_party_injury",
     "third_party_property",
     "rescue",
     "medical_aid",
     "investigation",
     "legal"
    ],
    "premium": 16200.0,
    "rating": {
     "base_rate": 400.0,
     "coefficients": {
      "accident_record": 0.9,
      "standardization": 0.9,
      "safety_credit": 1.0,
      "dual_prevention": 1.0,
      "headcount_band": 1.0
     },
     "premium_by_rate": 16200.0
    },
    "prevention_clause": true,
    "prevention_budget": 3321.0,
    "prevention_items": [
     "01",
     "03"
    ]
   },
   "previous": null,
   "errors": {
    "period.end": "period_invalid"
   },
   "messages": {
    "period.end": {
     "zh": "录入不规范：终保日期须晚于起保日期，保险期间不超过 366 天（建筑施工项目除外）（依据：苏应急〔2024〕132号（录入不规范））",
     "en": "Irregular entry: the period must end after it starts and last at most 366 days (construction projects excepted) (source: Suzhou bulletin 苏应急〔2024〕132号 (irregular entry))"
    }
   }
  },
  {
   "name": "construction project over two years",
   "pack": "beijing",
   "enterprise": {
    "name": "北京朝阳建工有限公司",
    "region_code": "110105",
    "industry": "construction",
    "headcount": 120,
    "standardization_level": "level_2"
   },
   "record": {
    "policy_no": "SZ-TEST-0001",
    "legal_basis": "2025",
    "status": "active",
    "insured": {
     "uscc": "91320507MA1TEST001",
     "name": "北京朝阳建工有限公司",
     "region_code": "110105"
    },
    "period": {
     "start": "2026-01-01",
     "end": "2027-12-31"
    },
    "headcount": 120,
    "insured_persons": 120,
    "cover_per_person": 500000,
    "coverage_scope": [
     "employee_injury",
     "third_party_injury",
     "third_party_property",
     "rescue",
     "medical_aid",
     "investigation",
     "legal"
    ],
    "premium": 24300.0,
    "rating": {
     "base_rate": 250.0,
     "coefficients": {
      "accident_record": 0.9,
      "standardization": 0.9,
      "safety_credit": 1.0,
      "dual_prevention": 1.0,
      "headcount_band": 1.0
     },
     "premium_by_rate": 24300.0
    },
    "prevention_clause": true,
    "prevention_budget": 4981.5,
    "prevention_items": [
     "01",
     "03"
    ]
   },
   "previous": null,
   "errors": {}
  },
  {
   "name": "renewal of an unknown policy",
   "pack": "suzhou",
   "enterprise": {
    "name": "苏州相城化工有限公司",
    "region_code": "320507",
    "industry": "hazardous_chemicals",
    "headcount": 50,
    "standardization_level": "level_2"
   },
   "record": {
    "policy_no": "SZ-TEST-0001",
    "legal_basis": "2025",
    "status": "active",
    "insured": {
     "uscc": "91320507MA1TEST001",
     "name": "苏州相城化工有限公司",
     "region_code": "320507"
    },
    "period": {
     "start": "2026-01-01",
     "end": "2026-12-31"
    },
    "headcount": 50,
    "insured_persons": 50,
    "cover_per_person": 500000,
    "coverage_scope": [
     "employee_injury",
     "third_party_injury",
     "third_party_property",
     "rescue",
     "medical_aid",
     "investigation",
     "legal"
    ],
    "premium": 16200.0,
    "rating": {
     "base_rate": 400.0,
     "coefficients": {
      "accident_record": 0.9,
      "standardization": 0.9,
      "safety_credit": 1.0,
      "dual_prevention": 1.0,
      "headcount_band": 1.0
     },
     "premium_by_rate": 16200.0
    },
    "prevention_clause": true,
    "prevention_budget": 3321.0,
    "prevention_items": [
     "01",
     "03"
    ],
    "renewal_of": "SZ-TEST-0000"
   },
   "previous": {
    "found": false,
    "end": ""
   },
   "errors": {
    "renewal_of": "renewal_unknown"
   },
   "messages": {
    "renewal_of": {
     "zh": "续保的原保单 SZ-TEST-0000 不存在或不是该企业的保单（依据：应急〔2025〕27号 第十六条）",
     "en": "The renewed policy SZ-TEST-0000 does not exist or is not this enterprise's (source: 2025 national measures (应急〔2025〕27号) Art. 16)"
    }
   }
  },
  {
   "name": "renewal in time",
   "pack": "suzhou",
   "enterprise": {
    "name": "苏州相城化工有限公司",
    "region_code": "320507",
    "industry": "hazardous_chemicals",
    "headcount": 50,
    "standardization_level": "level_2"
   },
   "record": {
    "policy_no": "SZ-TEST-0001",
    "legal_basis": "2025",
    "status": "active",
    "insured": {
     "uscc": "91320507MA1TEST001",
     "name": "苏州相城化工有限公司",
     "region_code": "320507"
    },
    "period": {
     "start": "2026-01-01",
     "end": "2026-12-31"
    },
    "headcount": 50,
    "insured_persons": 50,
    "cover_per_person": 500000,
    "coverage_scope": [
     "employee_injury",
     "third_party_injury",
     "third_party_property",
     "rescue",
     "medical_aid",
     "investigation",
     "legal"
    ],
    "premium": 16200.0,
    "rating": {
     "base_rate": 400.0,
     "coefficients": {
      "accident_record": 0.9,
      "standardization": 0.9,
      "safety_credit": 1.0,
      "dual_prevention": 1.0,
      "headcount_band": 1.0
     },
     "premium_by_rate": 16200.0
    },
    "prevention_clause": true,
    "prevention_budget": 3321.0,
    "prevention_items": [
     "01",
     "03"
    ],
    "renewal_of": "SZ-TEST-0000"
   },
   "previous": {
    "found": true,
    "end": "2025-12-31"
   },
   "errors": {}
  },
  {
   "name": "renewal after a gap (延迟续保)",
   "pack": "suzhou",
   "enterprise": {
    "name": "苏州相城化工有限公司",
    "region_code": "320507",
    "industry": "hazardous_chemicals",
    "headcount": 50,
    "standardization_level": "level_2"
   },
   "record": {
    "policy_no": "SZ-TEST-0001",
    "legal_basis": "2025",
    "status": "active",
    "insured": {
     "uscc": "91320507MA1TEST001",
     "name": "苏州相城化工有限公司",
     "region_code": "320507"
    },
    "period": {
     "start": "2026-01-01",
     "end": "2026-12-31"
    },
    "headcount": 50,
    "insured_persons": 50,
    "cover_per_person": 500000,
    "coverage_scope": [
     "employee_injury",
     "third_party_injury",
     "third_party_property",
     "rescue",
     "medical_aid",
     "investigation",
     "legal"
    ],
    "premium": 16200.0,
    "rating": {
     "base_rate": 400.0,
     "coefficients": {
      "accident_record": 0.9,
      "standardization": 0.9,
      "safety_credit": 1.0,
      "dual_prevention": 1.0,
      "headcount_band": 1.0
     },
     "premium_by_rate": 16200.0
    },
    "prevention_clause": true,
    "prevention_budget": 3321.0,
    "prevention_items": [
     "01",
     "03"
    ],
    "renewal_of": "SZ-TEST-0000"
   },
   "previous": {
    "found": true,
    "end": "2025-11-30"
   },
   "errors": {
    "period.start": "renewal_gap"
   },
   "messages": {
    "period.start": {
     "zh": "不得延迟续保：起保日期应不晚于原保单终保日期的次日 2025-12-01（依据：应急〔2025〕27号 第十六条）",
     "en": "Renewal may not be delayed: the period must start by 2025-12-01, the day after the previous policy ends (source: 2025 national measures (应急〔2025〕27号) Art. 16)"
    }
   }
  },
  {
   "name": "safety credit not the registry's",
   "pack": "suzhou",
   "enterprise": {
    "name": "苏州相城化工有限公司",
    "region_code": "320507",
    "industry": "hazardous_chemicals",
    "headcount": 50,
    "standardization_level": "level_2",
    "safety_credit": "watch"
   },
   "record": {
    "policy_no": "SZ-TEST-0001",
    "legal_basis": "2025",
    "status": "active",
    "insured": {
     "uscc": "91320507MA1TEST001",
     "name": "苏州相城化工有限公司",
     "region_code": "320507"
    },
    "period": {
     "start": "2026-01-01",
     "end": "2026-12-31"
    },
    "headcount": 50,
    "insured_persons": 50,
    "cover_per_person": 500000,
    "coverage_scope": [
     "employee_injury",
     "third_party_injury",
     "third_party_property",
     "rescue",
     "medical_aid",
     "investigation",
     "legal"
    ],
    "premium": 16200.0,
    "rating": {
     "base_rate": 400.0,
     "coefficients": {
      "accident_record": 0.9,
      "standardization": 0.9,
      "safety_credit": 1.0,
      "dual_prevention": 1.0,
      "headcount_band": 1.0
     },
     "premium_by_rate": 16200.0
    },
    "prevention_clause": true,
    "prevention_budget": 3321.0,
    "prevention_items": [
     "01",
     "03"
    ]
   },
   "previous": null,
   "errors": {
    "rating.coefficients.safety_credit": "coefficient_not_registry"
   },
   "messages": {
    "rating.coefficients.safety_credit": {
     "zh": "安全信用系数应为 1.1（按应保单位名录登记的等级或人数）（依据：苏应急〔2024〕132号（未正确使用应急管理部门提供的系数核算保费））",
     "en": "Safety credit must be 1.1 (by the grade or headcount in the registry) (source: Suzhou bulletin 苏应急〔2024〕132号 (coefficients not the regulator's))"
    }
   }
  },
  {
   "name": "dual prevention as the registry has it",
   "pack": "suzhou",
   "enterprise": {
    "name": "苏州相城化工有限公司",
    "region_code": "320507",
    "industry": "hazardous_chemicals",
    "headcount": 50,
    "standardization_level": "level_2",
    "dual_prevention": "established"
   },
   "record": {
    "policy_no": "SZ-TEST-0001",
    "legal_basis": "2025",
    "status": "active",
    "insured": {
     "uscc": "91320507MA1TEST001",
     "name": "苏州相城化工有限公司",
     "region_code": "320507"
    },
    "period": {
     "start": "2026-01-01",
     "end": "2026-12-31"
    },
    "headcount": 50,
    "insured_persons": 50,
    "cover_per_person": 500000,
    "coverage_scope": [
     "employee_injury",
     "third_party_injury",
     "third_party_property",
     "rescue",
     "medical_aid",
     "investigation",
     "legal"
    ],
    "premium": 16200.0,
    "rating": {
     "base_rate": 400.0,
     "coefficients": {
      "accident_record": 0.9,
      "standardization": 0.9,
      "safety_credit": 1.0,
      "dual_prevention": 1.0,
      "headcount_band": 1.0
     },
     "premium_by_rate": 16200.0
    },
    "prevention_clause": true,
    "prevention_budget": 3321.0,
    "prevention_items": [
     "01",
     "03"
    ]
   },
   "previous": null,
   "errors": {}
  }
 ]
},
  'messages': {
  "note": "Message templates of the rule-pack checks, shared by the server (backend/internal/packs) and <azx-policy-entry>. {source} is the rule's source in the pack.",
  "messages": {
    "cover_headcount_mismatch": {
      "rule": "cover_headcount_mismatch",
      "zh": "保额与投保企业人数不匹配：参保人数 {insured} 应等于从业人员数 {headcount}（全员投保；依据：{source}）",
      "en": "Cover does not match headcount: insured persons ({insured}) must equal the headcount ({headcount}) — everyone is insured (source: {source})"
    },
    "not_fully_insured": {
      "rule": "not_fully_insured",
      "zh": "未全员投保：从业人员数 {headcount} 少于应保单位名录登记的 {registry} 人（依据：{source}）",
      "en": "Not everyone insured: the headcount ({headcount}) is below the {registry} staff in the must-insure registry (source: {source})"
    },
    "cover_below_minimum": {
      "rule": "cover_below_minimum",
      "zh": "每人死亡伤残责任限额不得低于 {minimum} 元（依据：{source}）",
      "en": "Death and disability cover per person must be at least {minimum} yuan (source: {source})"
    },
    "rating_missing": {
      "rule": "rating_not_regulator",
      "zh": "未按费率机制核算保费：须填写基准费率和应急管理部门规定的浮动系数（依据：{source}）",
      "en": "Premium not rated: the base rate and the regulator's coefficients are required (source: {source})"
    },
    "base_rate_mismatch": {
      "rule": "rating_not_regulator",
      "zh": "基准费率应为 {expected} 元/人·年（{pack}，{industry}，每人限额 {cover} 元）（依据：{source}）",
      "en": "The base rate must be {expected} yuan per person per year ({pack}, {industry}, cover {cover}) (source: {source})"
    },
    "coefficient_not_allowed": {
      "rule": "rating_not_regulator",
      "zh": "{factor} {value} 不是应急管理部门规定的系数，可选 {allowed}（依据：{source}）",
      "en": "{factor} {value} is not one of the regulator's coefficients ({allowed}) (source: {source})"
    },
    "coefficient_not_registry": {
      "rule": "rating_not_regulator",
      "zh": "{factor}应为 {expected}（按应保单位名录登记的等级或人数）（依据：{source}）",
      "en": "{factor} must be {expected} (by the grade or headcount in the registry) (source: {source})"
    },
    "premium_by_rate_mismatch": {
      "rule": "rating_not_regulator",
      "zh": "按费率计算保费应为 {expected} 元（基准费率 × 浮动系数 × 参保人数）（依据：{source}）",
      "en": "The premium by the rating must be {expected} yuan (base rate × coefficients × insured persons) (source: {source})"
    },
    "premium_mismatch": {
      "rule": "rating_not_regulator",
      "zh": "保险费 {premium} 元与按费率计算的 {expected} 元不一致，未按费率机制核算保费（依据：{source}）",
      "en": "The premium ({premium} yuan) differs from the {expected} yuan the rating gives (source: {source})"
    },
    "restrictions_added": {
      "rule": "rating_not_regulator",
      "zh": "不得在保险方案之外增加限制条件（依据：{source}）",
      "en": "No restrictions may be added outside the insurance scheme (source: {source})"
    },
    "coverage_cut": {
      "rule": "coverage_cut",
      "zh": "不得删减保障内容：缺少 {missing}（依据：{source}）",
      "en": "The cover must not be cut; missing: {missing} (source: {source})"
    },
    "no_prevention_clause": {
      "rule": "no_prevention_clause",
      "zh": "保单未明确约定事故预防服务（依据：{source}）",
      "en": "The policy does not state the accident-prevention services (source: {source})"
    },
    "prevention_budget_under_ratio": {
      "rule": "prevention_budget_under_ratio",
      "zh": "事故预防服务费用不得低于保费的 {ratio}，即至少 {expected} 元（依据：{source}）",
      "en": "The prevention budget must be at least {ratio} of the premium, {expected} yuan (source: {source})"
    },
    "prevention_budget_over_cap": {
      "rule": "prevention_budget_over_cap",
      "zh": "高危行业事故预防服务费用不得高于保费的 {ratio}，即至多 {expected} 元（依据：{source}）",
      "en": "For a high-risk industry the prevention budget must not exceed {ratio} of the premium, {expected} yuan (source: {source})"
    },
    "irregular_name": {
      "rule": "irregular_entry",
      "zh": "录入不规范：被保险人名称应与应保单位名录一致（{expected}）（依据：{source}）",
      "en": "Irregular entry: the insured's name must be the registry's ({expected}) (source: {source})"
    },
    "irregular_region": {
      "rule": "irregular_entry",
      "zh": "录入不规范：被保险人所在行政区划应与应保单位名录一致（{expected}）（依据：{source}）",
      "en": "Irregular entry: the insured's region must be the registry's ({expected}) (source: {source})"
    },
    "period_invalid": {
      "rule": "irregular_entry",
      "zh": "录入不规范：终保日期须晚于起保日期，保险期间不超过 {days} 天（建筑施工项目除外）（依据：{source}）",
      "en": "Irregular entry: the period must end after it starts and last at most {days} days (construction projects excepted) (source: {source})"
    },
    "renewal_unknown": {
      "rule": "renewal",
      "zh": "续保的原保单 {policy} 不存在或不是该企业的保单（依据：{source}）",
      "en": "The renewed policy {policy} does not exist or is not this enterprise's (source: {source})"
    },
    "renewal_gap": {
      "rule": "renewal",
      "zh": "不得延迟续保：起保日期应不晚于原保单终保日期的次日 {expected}（依据：{source}）",
      "en": "Renewal may not be delayed: the period must start by {expected}, the day after the previous policy ends (source: {source})"
    }
  }
},
  'national': {
  "id": "national",
  "title": "全国默认（应急〔2025〕27号）",
  "title_en": "National default (2025 measures)",
  "regions": [],
  "effective_from": "2025-03-29",
  "note": "未被地区规则包覆盖的行政区划使用本规则包，部署可改选默认规则包。费率表和浮动系数为示例。",
  "sources": [
    {
      "id": "应急〔2025〕27号",
      "title": "安全生产责任保险实施办法",
      "year": 2025
    },
    {
      "id": "应急厅函〔2024〕322号",
      "title": "事故预防服务费用不高于实际收取保费的 21%",
      "year": 2024
    }
  ],
  "high_risk_industries": [
    "coal_mining",
    "non_coal_mining",
    "hazardous_chemicals",
    "fireworks",
    "transport",
    "construction",
    "civil_explosives",
    "metal_smelting",
    "fishing"
  ],
  "cover_minimum": {
    "2017": 300000,
    "2025": 400000,
    "source": "应急〔2025〕27号",
    "source_en": "2025 national measures (应急〔2025〕27号)"
  },
  "base_rates": {
    "example": true,
    "basis_cover": 500000,
    "note": "元/人·年，按每人死亡伤残限额 500000 元计；实际承保按保额比例折算。示例数值，并非任何地区公布的费率表。",
    "note_en": "Yuan per person per year at a death/disability cover of 500,000, scaled to the policy's cover. Example values, not any region's published tariff.",
    "rates": {
      "coal_mining": 900,
      "non_coal_mining": 700,
      "hazardous_chemicals": 400,
      "fireworks": 600,
      "transport": 380,
      "construction": 250,
      "civil_explosives": 650,
      "metal_smelting": 480,
      "fishing": 420,
      "fuel_station": 260,
      "pharmaceutical": 240,
      "hazchem_user": 280,
      "combustible_dust": 260,
      "ship_building": 400,
      "confined_space": 220,
      "ammonia_refrigeration": 240,
      "spray_painting": 200,
      "crowded_places": 120,
      "utilities": 180,
      "other": 150
    }
  },
  "coefficients": {
    "accident_record": {
      "title": "事故记录系数",
      "title_en": "Accident record",
      "example": true,
      "options": [
        {
          "code": "none_3y",
          "title": "近三年无生产安全事故",
          "title_en": "No accident in three years",
          "value": 0.9
        },
        {
          "code": "none_1y",
          "title": "上一年度无生产安全事故",
          "title_en": "No accident last year",
          "value": 1.0
        },
        {
          "code": "injury",
          "title": "上一年度发生一般事故（无死亡）",
          "title_en": "Accident without death last year",
          "value": 1.15
        },
        {
          "code": "fatal",
          "title": "上一年度发生死亡事故",
          "title_en": "Fatal accident last year",
          "value": 1.3
        }
      ]
    },
    "standardization": {
      "title": "安全生产标准化等级系数",
      "title_en": "Safety standardization grade",
      "example": true,
      "from_enterprise": "standardization_level",
      "options": [
        {
          "code": "level_1",
          "title": "一级",
          "title_en": "Level 1",
          "value": 0.8
        },
        {
          "code": "level_2",
          "title": "二级",
          "title_en": "Level 2",
          "value": 0.9
        },
        {
          "code": "level_3",
          "title": "三级",
          "title_en": "Level 3",
          "value": 1.0
        },
        {
          "code": "small_compliant",
          "title": "小微企业达标",
          "title_en": "Small-business compliant",
          "value": 1.05
        },
        {
          "code": "none",
          "title": "未达标",
          "title_en": "Not certified",
          "value": 1.2
        }
      ]
    },
    "safety_credit": {
      "title": "安全信用系数",
      "title_en": "Safety credit",
      "example": true,
      "from_enterprise": "safety_credit",
      "options": [
        {
          "code": "trusted",
          "title": "守信",
          "title_en": "Trusted",
          "value": 0.9
        },
        {
          "code": "normal",
          "title": "一般",
          "title_en": "Normal",
          "value": 1.0
        },
        {
          "code": "watch",
          "title": "重点关注",
          "title_en": "Under watch",
          "value": 1.1
        },
        {
          "code": "untrusted",
          "title": "失信",
          "title_en": "Untrusted",
          "value": 1.25
        }
      ]
    },
    "dual_prevention": {
      "title": "双重预防机制系数",
      "title_en": "Dual prevention mechanism",
      "example": true,
      "from_enterprise": "dual_prevention",
      "options": [
        {
          "code": "effective",
          "title": "运行有效",
          "title_en": "Working",
          "value": 0.9
        },
        {
          "code": "established",
          "title": "已建立",
          "title_en": "Established",
          "value": 1.0
        },
        {
          "code": "missing",
          "title": "未建立",
          "title_en": "Not established",
          "value": 1.1
        }
      ]
    },
    "headcount_band": {
      "title": "从业人数档次系数",
      "title_en": "Headcount band",
      "example": true,
      "bands": [
        {
          "max": 300,
          "title": "300 人及以下",
          "title_en": "Up to 300",
          "value": 1.0
        },
        {
          "max": 1000,
          "title": "301–1000 人",
          "title_en": "301 to 1,000",
          "value": 0.95
        },
        {
          "max": null,
          "title": "1000 人以上",
          "title_en": "Over 1,000",
          "value": 0.9
        }
      ]
    }
  },
  "prevention_ratio": {
    "max": 0.21,
    "max_applies_to": "high_risk",
    "max_source": "应急厅函〔2024〕322号",
    "max_source_en": "national cap 应急厅函〔2024〕322号"
  },
  "statutory_scope": [
    "employee_injury",
    "third_party_injury",
    "third_party_property",
    "rescue",
    "medical_aid",
    "investigation",
    "legal"
  ],
  "statutory_scope_source": "应急〔2025〕27号 第三条",
  "scope_titles": {
    "employee_injury": {
      "title": "从业人员人身伤亡",
      "title_en": "employees' death and injury"
    },
    "third_party_injury": {
      "title": "第三者人身伤亡",
      "title_en": "third-party death and injury"
    },
    "third_party_property": {
      "title": "第三者财产损失",
      "title_en": "third-party property loss"
    },
    "rescue": {
      "title": "抢险救援费用",
      "title_en": "rescue costs"
    },
    "medical_aid": {
      "title": "医疗救护费用",
      "title_en": "medical aid costs"
    },
    "investigation": {
      "title": "事故鉴定费用",
      "title_en": "accident investigation costs"
    },
    "legal": {
      "title": "法律诉讼费用",
      "title_en": "legal costs"
    }
  },
  "max_period_days": 366,
  "long_period_industries": [
    "construction"
  ],
  "period_example": true,
  "period_note": "保险期间一般不超过一年（建筑施工可按项目工期），为示例规则，并非通知原文。",
  "rules": {
    "cover_headcount_mismatch": {
      "source": "应急〔2025〕27号 第十六条；苏应急〔2024〕132号",
      "source_en": "2025 national measures (应急〔2025〕27号) Art. 16; Suzhou bulletin 苏应急〔2024〕132号"
    },
    "not_fully_insured": {
      "source": "应急〔2025〕27号 第十六条",
      "source_en": "2025 national measures (应急〔2025〕27号) Art. 16"
    },
    "cover_below_minimum": {
      "source": "应急〔2025〕27号 第十五条",
      "source_en": "2025 national measures (应急〔2025〕27号) Art. 15"
    },
    "rating_not_regulator": {
      "source": "苏应急〔2024〕132号（未正确使用应急管理部门提供的系数核算保费）",
      "source_en": "Suzhou bulletin 苏应急〔2024〕132号 (coefficients not the regulator's)"
    },
    "coverage_cut": {
      "source": "应急〔2025〕27号 第三条",
      "source_en": "2025 national measures (应急〔2025〕27号) Art. 3"
    },
    "no_prevention_clause": {
      "source": "应急〔2025〕27号 第四条",
      "source_en": "2025 national measures (应急〔2025〕27号) Art. 4"
    },
    "prevention_budget_over_cap": {
      "source": "应急厅函〔2024〕322号",
      "source_en": "national cap 应急厅函〔2024〕322号"
    },
    "irregular_entry": {
      "source": "苏应急〔2024〕132号（录入不规范）",
      "source_en": "Suzhou bulletin 苏应急〔2024〕132号 (irregular entry)"
    },
    "renewal": {
      "source": "应急〔2025〕27号 第十六条",
      "source_en": "2025 national measures (应急〔2025〕27号) Art. 16"
    }
  }
},
  'suzhou': {
  "id": "suzhou",
  "title": "苏州（苏应急〔2024〕132号）",
  "title_en": "Suzhou (2024 bulletin)",
  "regions": [
    "3205"
  ],
  "effective_from": "2024-01-01",
  "note": "事故预防服务费不低于保费的 20%（通报原文）。费率表和浮动系数为示例：通报要求使用应急管理部门提供的系数，但未公布数值。",
  "sources": [
    {
      "id": "苏应急〔2024〕132号",
      "title": "关于重点行业领域工矿企业安全生产责任保险工作开展情况的通报",
      "year": 2024
    },
    {
      "id": "应急〔2025〕27号",
      "title": "安全生产责任保险实施办法",
      "year": 2025
    }
  ],
  "high_risk_industries": [
    "coal_mining",
    "non_coal_mining",
    "hazardous_chemicals",
    "fireworks",
    "transport",
    "construction",
    "civil_explosives",
    "metal_smelting",
    "fishing"
  ],
  "cover_minimum": {
    "2017": 300000,
    "2025": 400000,
    "source": "应急〔2025〕27号",
    "source_en": "2025 national measures (应急〔2025〕27号)"
  },
  "base_rates": {
    "example": true,
    "basis_cover": 500000,
    "note": "元/人·年，按每人死亡伤残限额 500000 元计；实际承保按保额比例折算。示例数值，并非任何地区公布的费率表。",
    "note_en": "Yuan per person per year at a death/disability cover of 500,000, scaled to the policy's cover. Example values, not any region's published tariff.",
    "rates": {
      "coal_mining": 900,
      "non_coal_mining": 700,
      "hazardous_chemicals": 400,
      "fireworks": 600,
      "transport": 380,
      "construction": 250,
      "civil_explosives": 650,
      "metal_smelting": 480,
      "fishing": 420,
      "fuel_station": 260,
      "pharmaceutical": 240,
      "hazchem_user": 280,
      "combustible_dust": 260,
      "ship_building": 400,
      "confined_space": 220,
      "ammonia_refrigeration": 240,
      "spray_painting": 200,
      "crowded_places": 120,
      "utilities": 180,
      "other": 150
    }
  },
  "coefficients": {
    "accident_record": {
      "title": "事故记录系数",
      "title_en": "Accident record",
      "example": true,
      "options": [
        {
          "code": "none_3y",
          "title": "近三年无生产安全事故",
          "title_en": "No accident in three years",
          "value": 0.9
        },
        {
          "code": "none_1y",
          "title": "上一年度无生产安全事故",
          "title_en": "No accident last year",
          "value": 1.0
        },
        {
          "code": "injury",
          "title": "上一年度发生一般事故（无死亡）",
          "title_en": "Accident without death last year",
          "value": 1.15
        },
        {
          "code": "fatal",
          "title": "上一年度发生死亡事故",
          "title_en": "Fatal accident last year",
          "value": 1.3
        }
      ]
    },
    "standardization": {
      "title": "安全生产标准化等级系数",
      "title_en": "Safety standardization grade",
      "example": true,
      "from_enterprise": "standardization_level",
      "options": [
        {
          "code": "level_1",
          "title": "一级",
          "title_en": "Level 1",
          "value": 0.8
        },
        {
          "code": "level_2",
          "title": "二级",
          "title_en": "Level 2",
          "value": 0.9
        },
        {
          "code": "level_3",
          "title": "三级",
          "title_en": "Level 3",
          "value": 1.0
        },
        {
          "code": "small_compliant",
          "title": "小微企业达标",
          "title_en": "Small-business compliant",
          "value": 1.05
        },
        {
          "code": "none",
          "title": "未达标",
          "title_en": "Not certified",
          "value": 1.2
        }
      ]
    },
    "safety_credit": {
      "title": "安全信用系数",
      "title_en": "Safety credit",
      "example": true,
      "from_enterprise": "safety_credit",
      "options": [
        {
          "code": "trusted",
          "title": "守信",
          "title_en": "Trusted",
          "value": 0.9
        },
        {
          "code": "normal",
          "title": "一般",
          "title_en": "Normal",
          "value": 1.0
        },
        {
          "code": "watch",
          "title": "重点关注",
          "title_en": "Under watch",
          "value": 1.1
        },
        {
          "code": "untrusted",
          "title": "失信",
          "title_en": "Untrusted",
          "value": 1.25
        }
      ]
    },
    "dual_prevention": {
      "title": "双重预防机制系数",
      "title_en": "Dual prevention mechanism",
      "example": true,
      "from_enterprise": "dual_prevention",
      "options": [
        {
          "code": "effective",
          "title": "运行有效",
          "title_en": "Working",
          "value": 0.9
        },
        {
          "code": "established",
          "title": "已建立",
          "title_en": "Established",
          "value": 1.0
        },
        {
          "code": "missing",
          "title": "未建立",
          "title_en": "Not established",
          "value": 1.1
        }
      ]
    },
    "headcount_band": {
      "title": "从业人数档次系数",
      "title_en": "Headcount band",
      "example": true,
      "bands": [
        {
          "max": 300,
          "title": "300 人及以下",
          "title_en": "Up to 300",
          "value": 1.0
        },
        {
          "max": 1000,
          "title": "301–1000 人",
          "title_en": "301 to 1,000",
          "value": 0.95
        },
        {
          "max": null,
          "title": "1000 人以上",
          "title_en": "Over 1,000",
          "value": 0.9
        }
      ]
    }
  },
  "prevention_ratio": {
    "min": 0.2,
    "min_source": "苏应急〔2024〕132号",
    "min_source_en": "Suzhou bulletin 苏应急〔2024〕132号",
    "max": 0.21,
    "max_applies_to": "high_risk",
    "max_source": "应急厅函〔2024〕322号",
    "max_source_en": "national cap 应急厅函〔2024〕322号"
  },
  "statutory_scope": [
    "employee_injury",
    "third_party_injury",
    "third_party_property",
    "rescue",
    "medical_aid",
    "investigation",
    "legal"
  ],
  "statutory_scope_source": "应急〔2025〕27号 第三条",
  "scope_titles": {
    "employee_injury": {
      "title": "从业人员人身伤亡",
      "title_en": "employees' death and injury"
    },
    "third_party_injury": {
      "title": "第三者人身伤亡",
      "title_en": "third-party death and injury"
    },
    "third_party_property": {
      "title": "第三者财产损失",
      "title_en": "third-party property loss"
    },
    "rescue": {
      "title": "抢险救援费用",
      "title_en": "rescue costs"
    },
    "medical_aid": {
      "title": "医疗救护费用",
      "title_en": "medical aid costs"
    },
    "investigation": {
      "title": "事故鉴定费用",
      "title_en": "accident investigation costs"
    },
    "legal": {
      "title": "法律诉讼费用",
      "title_en": "legal costs"
    }
  },
  "max_period_days": 366,
  "long_period_industries": [
    "construction"
  ],
  "period_example": true,
  "period_note": "保险期间一般不超过一年（建筑施工可按项目工期），为示例规则，并非通知原文。",
  "rules": {
    "cover_headcount_mismatch": {
      "source": "苏应急〔2024〕132号",
      "source_en": "Suzhou bulletin 苏应急〔2024〕132号"
    },
    "not_fully_insured": {
      "source": "苏应急〔2024〕132号",
      "source_en": "Suzhou bulletin 苏应急〔2024〕132号"
    },
    "cover_below_minimum": {
      "source": "应急〔2025〕27号 第十五条",
      "source_en": "2025 national measures (应急〔2025〕27号) Art. 15"
    },
    "rating_not_regulator": {
      "source": "苏应急〔2024〕132号（未正确使用应急管理部门提供的系数核算保费）",
      "source_en": "Suzhou bulletin 苏应急〔2024〕132号 (coefficients not the regulator's)"
    },
    "coverage_cut": {
      "source": "苏应急〔2024〕132号（删减保障内容）",
      "source_en": "Suzhou bulletin 苏应急〔2024〕132号 (cover cut)"
    },
    "no_prevention_clause": {
      "source": "苏应急〔2024〕132号",
      "source_en": "Suzhou bulletin 苏应急〔2024〕132号"
    },
    "prevention_budget_over_cap": {
      "source": "应急厅函〔2024〕322号",
      "source_en": "national cap 应急厅函〔2024〕322号"
    },
    "irregular_entry": {
      "source": "苏应急〔2024〕132号（录入不规范）",
      "source_en": "Suzhou bulletin 苏应急〔2024〕132号 (irregular entry)"
    },
    "renewal": {
      "source": "应急〔2025〕27号 第十六条",
      "source_en": "2025 national measures (应急〔2025〕27号) Art. 16"
    },
    "prevention_budget_under_ratio": {
      "source": "苏应急〔2024〕132号",
      "source_en": "Suzhou bulletin 苏应急〔2024〕132号"
    }
  }
},
};
