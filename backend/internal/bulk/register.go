// Package bulk is the bulk upload of policies (by insurers) and of the must-insure
// enterprise registry (by regulators): CSV or JSON, every row validated like a single record.
package bulk

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"slices"
	"strings"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/definitions"
)

// Register adds POST /api/azx/bulk/policies and POST /api/azx/bulk/enterprises.
func Register(app *pocketbase.PocketBase) {
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		g := se.Router.Group("/api/azx/bulk")
		g.Bind(apis.RequireAuth("users"))
		g.POST("/policies", handler(policies))
		g.POST("/enterprises", handler(enterprises))
		g.GET("/results/{id}", results)
		g.GET("/policies/template.csv", template(policies, policyRefs))
		g.GET("/enterprises/template.csv", template(enterprises, nil))
		g.GET("/policies/template.xlsx", templateBook(policies, policyRefs))
		g.GET("/enterprises/template.xlsx", templateBook(enterprises, nil))
		return se.Next()
	})
}

func language(r *http.Request) string {
	if strings.HasPrefix(strings.ToLower(r.Header.Get("Accept-Language")), "en") {
		return "en"
	}
	return "zh"
}

func fail(e *core.RequestEvent, lang string, re *RequestError) error {
	msg := re.Zh
	if lang == "en" {
		msg = re.En
	}
	return e.JSON(re.Status, map[string]any{
		"status": re.Status, "code": re.Code, "message": msg, "message_zh": re.Zh, "message_en": re.En, "data": map[string]any{},
	})
}

var roleZh = map[string]string{"insurer": "保险机构", "regulator": "监管部门"}

// handler answers an upload. ?mode=import is a bulk import of historic records: rule-pack
// violations are stored and flagged as system findings instead of refused (schema errors still
// refuse the row); without it the upload is an entry like any other and the packs refuse.
// ?upload=<id> names the upload (the element's, kept on its flags), so a file sent again after
// a dropped connection is recognised row by row: stored rows come back unchanged.
func handler(k *kind) func(*core.RequestEvent) error {
	return func(e *core.RequestEvent) error {
		lang := language(e.Request)
		mode := e.Request.URL.Query().Get("mode")
		if mode != "" && mode != "import" && mode != "entry" {
			return fail(e, lang, &RequestError{400, "bulk_mode_invalid", "mode 只能是 import 或 entry", "mode must be import or entry"})
		}
		roles := []string{k.role}
		if mode == "import" {
			roles = k.importRoles
		}
		role := e.Auth.GetString("role")
		if !slices.Contains(roles, role) || e.Auth.GetString("organization") == "" {
			zh, en := []string{}, []string{}
			for _, r := range roles {
				zh, en = append(zh, roleZh[r]), append(en, r)
			}
			return fail(e, lang, &RequestError{403, "bulk_forbidden",
				"只有" + strings.Join(zh, "或") + "用户可以上传此类数据",
				"Only " + strings.Join(en, " or ") + " users may upload these rows"})
		}
		upload := e.Request.URL.Query().Get("upload")
		if len(upload) > 100 {
			return fail(e, lang, &RequestError{400, "bulk_upload_invalid", "upload 编号不得超过 100 个字符", "The upload id must be at most 100 characters"})
		}
		version, err := latestVersion(e.App, k.definition)
		if err != nil {
			return fail(e, lang, &RequestError{503, "bulk_no_definition", "表单定义尚未发布：" + k.definition, err.Error()})
		}
		def, err := definitions.Lookup(e.App, k.definition, version)
		if err != nil {
			return fail(e, lang, &RequestError{503, "bulk_no_definition", "表单定义无法使用：" + k.definition, err.Error()})
		}
		doc := def.Schema.Doc()
		cols := columns{aliases: headerAliases(doc, k.extra), coerce: func(path, cell string) any { return coerceCell(doc, path, cell) }}
		rows, enc, rerr := readRows(e, cols)
		if rerr != nil {
			return fail(e, lang, rerr)
		}
		defer rows.done()
		u := &uploader{auth: e.Auth, lang: lang, imports: mode == "import", upload: upload}
		res, err := k.run(e.App, u, rows, version)
		var re *RequestError
		if errors.As(err, &re) {
			return fail(e, lang, re)
		}
		if err != nil {
			return err
		}
		res.Mode, res.Encoding = "entry", enc
		if u.imports {
			res.Mode = "import"
		}
		return writeResult(e, res)
	}
}

// template answers a CSV holding only the header row of the current definition's columns
// (UTF-8 with a BOM, so Excel opens it correctly).
func template(k *kind, extra []string) func(*core.RequestEvent) error {
	return func(e *core.RequestEvent) error {
		doc, re := currentSchema(e.App, k)
		if re != nil {
			return fail(e, language(e.Request), re)
		}
		var buf bytes.Buffer
		buf.Write(utf8BOM)
		w := csv.NewWriter(&buf)
		_ = w.Write(templateColumns(doc, extra))
		w.Flush()
		e.Response.Header().Set("Content-Disposition", `attachment; filename="`+k.collection+`-template.csv"`)
		return e.Blob(http.StatusOK, "text/csv; charset=utf-8", buf.Bytes())
	}
}

// currentSchema is the schema document of the kind's latest published definition.
func currentSchema(app core.App, k *kind) (any, *RequestError) {
	version, err := latestVersion(app, k.definition)
	if err != nil {
		return nil, &RequestError{503, "bulk_no_definition", "表单定义尚未发布：" + k.definition, err.Error()}
	}
	def, err := definitions.Lookup(app, k.definition, version)
	if err != nil {
		return nil, &RequestError{503, "bulk_no_definition", "表单定义无法使用：" + k.definition, err.Error()}
	}
	return def.Schema.Doc(), nil
}

// policyRefs are the reference columns of a policy upload.
var policyRefs = []string{"enterprise_uscc", "provider_uscc"}

// templateBook answers the XLSX template of the current definition (template.go).
func templateBook(k *kind, extra []string) func(*core.RequestEvent) error {
	return func(e *core.RequestEvent) error {
		doc, re := currentSchema(e.App, k)
		if re != nil {
			return fail(e, language(e.Request), re)
		}
		book, err := templateXLSX(describeColumns(doc, extra))
		if err != nil {
			return err
		}
		e.Response.Header().Set("Content-Disposition", `attachment; filename="`+k.collection+`-template.xlsx"`)
		return e.Blob(http.StatusOK, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", book)
	}
}

func tooLarge() *RequestError {
	return &RequestError{413, "bulk_too_large", "上传文件超过 20 MB，请拆分后分批上传", "The upload exceeds 20 MB; split it into smaller files"}
}

// readRows takes the rows from a multipart `file`, or from a JSON body {"rows": [...]}.
func readRows(e *core.RequestEvent, cols columns) (*source, string, *RequestError) {
	// multipart framing adds a little; the file itself is held to MaxBytes below
	if e.Request.ContentLength > MaxBytes+64<<10 {
		return nil, "", tooLarge()
	}
	e.Request.Body = http.MaxBytesReader(e.Response, e.Request.Body, MaxBytes+64<<10)
	ct := strings.ToLower(e.Request.Header.Get("Content-Type"))
	var raw []byte
	if strings.HasPrefix(ct, "multipart/form-data") {
		if err := e.Request.ParseMultipartForm(MaxBytes); err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				return nil, "", tooLarge()
			}
			return nil, "", badInput("无法读取上传的表单："+err.Error(), "The multipart form cannot be read: "+err.Error())
		}
		f, hdr, err := e.Request.FormFile("file")
		if err != nil {
			return nil, "", badInput("请以 file 字段上传 CSV 或 JSON 文件", "Upload a CSV or JSON file in the field \"file\"")
		}
		defer f.Close()
		if hdr.Size > MaxBytes {
			return nil, "", tooLarge()
		}
		raw, err = io.ReadAll(f)
		if err != nil {
			return nil, "", badInput("文件无法读取", "The file cannot be read")
		}
		rows, enc, err := parseFile(raw, cols)
		if err != nil {
			return nil, "", err.(*RequestError)
		}
		return rows, enc, nil
	}
	raw, err := io.ReadAll(e.Request.Body)
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, "", tooLarge()
		}
		return nil, "", badInput("请求体无法读取", "The request body cannot be read")
	}
	raw = bytes.TrimSpace(bytes.TrimPrefix(raw, utf8BOM))
	if len(raw) == 0 || raw[0] != '{' {
		return nil, "", badInput("请上传 multipart 文件（file 字段），或发送 JSON {\"rows\": [...]}",
			"Send a multipart file (field \"file\") or a JSON body {\"rows\": [...]}")
	}
	var probe map[string]json.RawMessage
	if err := json.Unmarshal(raw, &probe); err != nil || probe["rows"] == nil {
		return nil, "", badInput("JSON 请求体须为 {\"rows\": [...]}", "The JSON body must be {\"rows\": [...]}")
	}
	rows, perr := parseJSON(raw, cols)
	if perr != nil {
		return nil, "", perr.(*RequestError)
	}
	return &source{rows: rows}, "utf-8", nil
}
