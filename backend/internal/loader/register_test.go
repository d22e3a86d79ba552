package loader

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Two handlers end their chains, so nothing of AZX may come after them. A save's insert
// (azx_loader_saved_insert) is the last of OnModelCreateExecute's. The field checks
// (azx_loader_field_checks) end OnRecordValidate's chain for every business record, single saves included: they do PocketBase's last step, without the relation COUNT of a
// parent already read, and call no handler after them. So no validate handler of AZX may come
// after them, and none may bind OnModelValidate (which runs after OnRecordValidate's chain): read
// from the sources, every package of the backend, with each priority resolved from its literal or
// its package's constant.
func TestNoHandlerComesAfterTheFieldChecksOrTheSavesInsert(t *testing.T) {
	root := filepath.Join("..", "..")
	byDir := map[string][]*ast.File{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(fset, path, src, 0)
		if err != nil {
			return err
		}
		byDir[filepath.Dir(path)] = append(byDir[filepath.Dir(path)], f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	handlers, executes := 0, 0
	for dir, files := range byDir {
		consts := map[string]int{}
		priority := func(e ast.Expr) (int, bool) {
			switch x := e.(type) {
			case *ast.BasicLit:
				n, err := strconv.Atoi(x.Value)
				return n, err == nil
			case *ast.UnaryExpr:
				if lit, ok := x.X.(*ast.BasicLit); ok && x.Op == token.SUB {
					n, err := strconv.Atoi(lit.Value)
					return -n, err == nil
				}
			case *ast.Ident:
				n, ok := consts[x.Name]
				return n, ok
			}
			return 0, false
		}
		for _, f := range files {
			ast.Inspect(f, func(n ast.Node) bool {
				if spec, ok := n.(*ast.ValueSpec); ok {
					for i, name := range spec.Names {
						if i < len(spec.Values) {
							if v, ok := priority(spec.Values[i]); ok {
								consts[name.Name] = v
							}
						}
					}
				}
				return true
			})
		}
		for _, f := range files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				bind, ok := call.Fun.(*ast.SelectorExpr)
				if !ok || (bind.Sel.Name != "Bind" && bind.Sel.Name != "BindFunc") {
					return true
				}
				on, ok := bind.X.(*ast.CallExpr)
				if !ok {
					return true
				}
				hookSel, ok := on.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				where := fset.Position(call.Pos()).String()
				// the handler's id and priority (0 for BindFunc)
				handler := func() (id string, p int, ok bool) {
					if bind.Sel.Name == "BindFunc" || len(call.Args) != 1 {
						return "", 0, true
					}
					lit, isRef := call.Args[0].(*ast.UnaryExpr)
					var cl *ast.CompositeLit
					if isRef {
						cl, _ = lit.X.(*ast.CompositeLit)
					}
					if cl == nil {
						return "", 0, false
					}
					for _, el := range cl.Elts {
						kv, isKV := el.(*ast.KeyValueExpr)
						if !isKV {
							continue
						}
						switch kv.Key.(*ast.Ident).Name {
						case "Id":
							if s, isLit := kv.Value.(*ast.BasicLit); isLit {
								id, _ = strconv.Unquote(s.Value)
							} else if ident, isIdent := kv.Value.(*ast.Ident); isIdent {
								id = ident.Name
							}
						case "Priority":
							v, read := priority(kv.Value)
							if !read {
								return id, 0, false
							}
							p = v
						}
					}
					return id, p, true
				}
				switch hookSel.Sel.Name {
				case "OnModelValidate":
					t.Errorf("%s binds OnModelValidate, which runs after the field checks end the chain", where)
				case "OnRecordValidate":
					handlers++
					id, p, ok := handler()
					if !ok {
						t.Errorf("%s (%s): a validate handler whose priority the test cannot read", where, dir)
					} else if id == "hookFieldChecks" || id == hookFieldChecks {
						if p != fieldChecksPriority {
							t.Errorf("%s: the field checks at priority %d, want %d", where, p, fieldChecksPriority)
						}
					} else if p >= fieldChecksPriority {
						t.Errorf("%s: validate handler %q at priority %d would never run after the field checks (%d)", where, id, p, fieldChecksPriority)
					}
				case "OnModelCreateExecute":
					// a save's insert (insertSaved) ends the chain too: nothing may come after it
					executes++
					id, p, ok := handler()
					if !ok {
						t.Errorf("%s (%s): a create-execute handler whose priority the test cannot read", where, dir)
					} else if id == "hookSavedInsert" || id == hookSavedInsert {
						if p != savedInsertPriority {
							t.Errorf("%s: the save's insert at priority %d, want %d", where, p, savedInsertPriority)
						}
					} else if p >= savedInsertPriority {
						t.Errorf("%s: create-execute handler %q at priority %d would never run after the save's insert (%d)", where, id, p, savedInsertPriority)
					}
				}
				return true
			})
		}
	}
	if handlers < 10 {
		t.Fatalf("found %d validate handlers in the sources: the scan is broken", handlers)
	}
	if executes < 1 {
		t.Fatalf("found %d create-execute handlers in the sources: the scan is broken", executes)
	}
}
