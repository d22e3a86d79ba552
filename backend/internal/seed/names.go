package seed

import (
	"fmt"
	"math/rand/v2"
)

var surnames = []string{"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "郑",
	"梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "潘", "袁", "蒋", "蔡", "余", "杜", "叶", "程", "魏", "沈", "方", "金", "钱", "施", "楼", "应"}

var givenChars = []string{"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平",
	"刚", "桂", "英", "华", "建", "国", "文", "斌", "辉", "鹏", "志", "宇", "晨", "浩", "婷", "雪", "琳", "海", "峰", "亮", "俊", "红", "波", "燕", "玲", "萍", "林", "丹", "飞", "佳"}

var brands = []string{"恒远", "宏达", "永盛", "鑫源", "华通", "瑞丰", "金桥", "新安", "东方", "天成", "汇丰", "中兴", "博远", "嘉和", "联发", "信达",
	"正泰", "海纳", "远航", "广厦", "长盛", "明珠", "兴业", "顺达", "万通", "力拓", "德润", "富春", "钱江", "之江", "越秀", "甬兴",
	"瓯越", "禾丰", "湖滨", "稽山", "婺江", "衢丰", "岱海", "椒江", "栝苍", "亿达", "昌盛", "安泰", "华丰", "金鼎", "宏盛", "泰和"}

// industryWords are the middle parts of company names per industry.
var industryWords = map[string][]string{
	"coal_mining":           {"煤业", "矿业"},
	"non_coal_mining":       {"矿业", "石料", "建材矿业"},
	"hazardous_chemicals":   {"化工", "化学", "精细化工", "石化"},
	"fireworks":             {"烟花爆竹", "烟花"},
	"transport":             {"运输", "物流", "客运", "危货运输"},
	"construction":          {"建设", "建筑工程", "建工", "市政工程"},
	"civil_explosives":      {"民爆器材", "爆破工程"},
	"metal_smelting":        {"金属制品", "钢铁", "铝业", "铜业"},
	"fishing":               {"海洋渔业", "水产", "远洋渔业"},
	"fuel_station":          {"石油", "加油站", "能源"},
	"pharmaceutical":        {"制药", "药业", "生物医药"},
	"hazchem_user":          {"新材料", "电镀", "印染", "涂料"},
	"combustible_dust":      {"木业", "粉末冶金", "家具"},
	"ship_building":         {"船舶修造", "船业", "海工"},
	"confined_space":        {"污水处理", "酿造", "环境工程"},
	"ammonia_refrigeration": {"冷链", "冷冻食品", "冷藏"},
	"spray_painting":        {"涂装", "汽车部件", "机电"},
	"crowded_places":        {"商业管理", "文旅", "会展"},
	"utilities":             {"燃气", "供水", "热电"},
	"other":                 {"机械", "纺织", "五金", "电器"},
}

func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }

func personName(rng *rand.Rand) string {
	name := pick(rng, surnames) + pick(rng, givenChars)
	if rng.IntN(3) > 0 {
		name += pick(rng, givenChars)
	}
	return name
}

func mobile(rng *rand.Rand) string {
	prefixes := []string{"13", "15", "17", "18", "19"}
	return fmt.Sprintf("%s%d%08d", pick(rng, prefixes), rng.IntN(10), rng.IntN(100000000))
}

func enterpriseName(rng *rand.Rand, county Region, industry string) string {
	return county.Short + pick(rng, brands) + pick(rng, industryWords[industry]) + "有限公司"
}

var streets = []string{"人民路", "解放路", "中山路", "建设路", "工业大道", "开发区大道", "滨海大道", "科技路", "创业路", "环城北路", "东海路", "江南大道"}

func address(rng *rand.Rand, city City, county Region) string {
	return fmt.Sprintf("%s%s%s%s%d号", Province.Name, city.Name, county.Name, pick(rng, streets), 1+rng.IntN(999))
}
