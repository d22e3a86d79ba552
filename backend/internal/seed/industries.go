package seed

import (
	"azx/backend/internal/reference"
	"azx/backend/internal/vocab"
)

// Industry is one supervised industry of the demo registry: its code and name from the
// reference data (schemas/reference/industries.json), and how the demo data treats it.
type Industry struct {
	Code     string
	Title    string
	Weight   int  // share of the registry
	HighRisk bool // drives risk grades and major-hazard standards
	Standard string
}

// industryPlan: the demo registry's mix, by industry code, in the reference data's order.
var industryPlan = map[string]Industry{
	"coal_mining":           {Weight: 1, HighRisk: true, Standard: "other"},
	"non_coal_mining":       {Weight: 5, HighRisk: true, Standard: "MK2020"},
	"hazardous_chemicals":   {Weight: 14, HighRisk: true, Standard: "HG2017"},
	"fireworks":             {Weight: 2, HighRisk: true, Standard: "YH2017"},
	"transport":             {Weight: 10, HighRisk: true, Standard: "other"},
	"construction":          {Weight: 14, HighRisk: true, Standard: "JZ2024"},
	"civil_explosives":      {Weight: 1, HighRisk: true, Standard: "other"},
	"metal_smelting":        {Weight: 8, HighRisk: true, Standard: "GM2023"},
	"fishing":               {Weight: 4, HighRisk: true, Standard: "other"},
	"fuel_station":          {Weight: 8, Standard: "HG2017"},
	"pharmaceutical":        {Weight: 3, Standard: "HG2017"},
	"hazchem_user":          {Weight: 8, Standard: "HG2017"},
	"combustible_dust":      {Weight: 4, Standard: "GM2023"},
	"ship_building":         {Weight: 2, Standard: "GM2023"},
	"confined_space":        {Weight: 3, Standard: "GM2023"},
	"ammonia_refrigeration": {Weight: 2, Standard: "GM2023"},
	"spray_painting":        {Weight: 3, Standard: "GM2023"},
	"crowded_places":        {Weight: 2, Standard: "other"},
	"utilities":             {Weight: 2, Standard: "other"},
	"other":                 {Weight: 4, Standard: "other"},
}

// Industries: the nine national high-risk industries first, then the local extensions that
// cities add (Suzhou, Zhoushan, Beijing; see DOMAIN.md). Names from the reference data.
var Industries = func() []Industry {
	var out []Industry
	for _, in := range reference.BuiltinIndustries() {
		plan, ok := industryPlan[in.Code]
		if !ok {
			panic("seed: no demo plan for industry " + in.Code)
		}
		plan.Code, plan.Title = in.Code, in.Name
		out = append(out, plan)
	}
	return out
}()

// IndustryByCode finds an industry by its code.
func IndustryByCode(code string) (Industry, bool) {
	for _, in := range Industries {
		if in.Code == code {
			return in, true
		}
	}
	return Industry{}, false
}

// ServiceTypes are the prevention-service item codes used in practice (DOMAIN.md).
var ServiceTypes = vocab.ServiceType.Codes()

var serviceSummaries = map[string]string{
	"01": "开展安全生产宣传教育培训，讲解岗位安全操作规程、动火等危险作业管理和应急疏散要求。",
	"02": "开展安全风险辨识和评估，更新风险分级管控清单和四色分布图。",
	"03": "对生产现场、仓储区和特种设备开展生产安全事故隐患排查，形成隐患清单并书面告知。",
	"04": "指导企业开展安全生产标准化建设，完善管理制度和操作规程。",
	"05": "协助修订生产安全事故应急预案，组织全员应急疏散演练。",
	"06": "推广应用安全生产新技术，指导安装可燃气体报警和视频监控装置。",
	"07": "开展外包外租作业安全管理专项指导。",
	"08": "开展安责险助力重大事故隐患排查整治帮扶活动，对照重大事故隐患判定标准逐项帮扶整改。",
}

// hazardTemplates: location, description, basis, recommendation, category.
var hazardTemplates = [][5]string{
	{"甲类仓库", "仓库内危险化学品超量储存，禁忌物料未分区隔离存放。", "GB 15603-2022 第 6.2 条", "立即清理超量物料，按禁忌要求分区分类储存。", "unsafe_condition"},
	{"动火作业现场", "动火作业未办理作业票，现场未配备灭火器材。", "GB 30871-2022 第 5.2.1 条", "严格执行动火作业审批，作业前清理可燃物并配备灭火器材。", "unsafe_act"},
	{"配电房", "配电柜前绝缘垫缺失，电缆沟积水。", "GB 50054-2011 第 4.2 条", "铺设绝缘垫，排除电缆沟积水并封堵孔洞。", "unsafe_condition"},
	{"有限空间入口", "有限空间未设置警示标识，作业前未进行气体检测。", "工贸企业有限空间作业安全规定 第十二条", "设置警示标识，作业前检测并落实监护人员。", "management"},
	{"安全出口", "疏散通道堆放杂物，安全出口指示标志损坏。", "GB 50016-2014 第 5.5 条", "清理疏散通道，更换损坏的疏散指示标志。", "unsafe_condition"},
	{"除尘系统", "除尘器未设置泄爆装置，粉尘未定期清扫。", "GB 15577-2018 第 6.3 条", "加装泄爆装置，建立粉尘清扫制度并记录。", "unsafe_condition"},
	{"特种设备", "叉车未定期检验，司机无证上岗。", "特种设备安全法 第四十条", "送检叉车，安排持证人员操作。", "unsafe_act"},
	{"安全管理", "未建立隐患排查治理台账，全员安全培训记录缺失。", "安全生产法 第四十一条", "建立隐患排查治理台账，补齐培训记录。", "management"},
	{"储罐区", "储罐液位计失灵，高液位报警未投用。", "GB 50160-2008 第 6.2 条", "维修液位计，投用高液位报警和联锁。", "unsafe_condition"},
	{"厂区道路", "厂内机动车超速行驶，道路照明不足。", "GB 4387-2008 第 6.1 条", "设置限速标志和减速带，增设照明。", "environment"},
}

// majorCriteria: standard, item, title (from the national determination standards).
var majorCriteria = map[string][2]string{
	"HG2017": {"第（二）项", "特种作业人员未持证上岗"},
	"YH2017": {"第（五）项", "工（库）房超过核定人员、药量或者擅自改变设计用途使用"},
	"GM2023": {"第十四条第（一）项", "粉尘爆炸危险场所设置在非框架结构的多层建（构）筑物内"},
	"MK2020": {"第（三）项", "未按照设计要求建立排水系统或者排水能力不足"},
	"JZ2024": {"第（一）项", "施工单位未取得安全生产许可证擅自从事建筑施工活动"},
	"other":  {"—", "其他可能导致群死群伤的重大事故隐患"},
}
