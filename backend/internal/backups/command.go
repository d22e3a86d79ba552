package backups

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"
	"github.com/spf13/cobra"
)

func command(app *pocketbase.PocketBase) *cobra.Command {
	root := &cobra.Command{Use: "backups", Short: "PocketBase backups: schedule, storage, create, list, restore"}
	root.AddCommand(configureCommand(app), createCommand(app), listCommand(app), restoreCommand(app.DataDir))
	return root
}

// IsRestore reports whether the command line asks for `backups restore` (not its help).
func IsRestore(args []string) bool {
	if len(args) < 2 || args[0] != "backups" || args[1] != "restore" {
		return false
	}
	for _, a := range args {
		if a == "-h" || a == "--help" {
			return false
		}
	}
	return true
}

// RunRestore runs `backups restore` on its own, before any PocketBase app opens the data
// folder; defaultDir is the --dir default. It returns the exit status.
func RunRestore(args []string, defaultDir string) int {
	var dir string
	root := &cobra.Command{Use: "azx-server", SilenceUsage: true}
	root.PersistentFlags().StringVar(&dir, "dir", defaultDir, "the data folder (pb_data) to restore into")
	group := &cobra.Command{Use: "backups"}
	group.AddCommand(restoreCommand(func() string { return dir }))
	root.AddCommand(group)
	root.SetArgs(args)
	if err := root.Execute(); err != nil {
		return 1
	}
	return 0
}

func configureCommand(app *pocketbase.PocketBase) *cobra.Command {
	var cron, folder string
	var keep int
	var s3 s3Flags
	cmd := &cobra.Command{
		Use:   "configure",
		Short: "Schedule PocketBase's backups (--cron, --keep) and say where they go: --folder DIR or S3-compatible storage (--s3-*)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			out := cmd.OutOrStdout()
			if folder != "" && s3.given() {
				return errors.New("--folder and --s3-endpoint exclude each other: backups go to one place")
			}
			s := app.Settings()
			if cmd.Flags().Changed("cron") {
				s.Backups.Cron = cron
			}
			if cmd.Flags().Changed("keep") {
				s.Backups.CronMaxKeep = keep
			}
			if s3.given() {
				c, err := s3.config()
				if err != nil {
					return err
				}
				s.Backups.S3 = c
			} else if folder != "" {
				s.Backups.S3.Enabled = false
				if err := linkFolder(app.DataDir(), folder); err != nil {
					return err
				}
			}
			// PocketBase validates the settings (a cron expression, a complete S3 configuration)
			if err := app.Save(s); err != nil {
				return fmt.Errorf("the backup settings were refused: %w", err)
			}
			where := filepath.Join(app.DataDir(), core.LocalBackupsDirName)
			if target, err := os.Readlink(where); err == nil {
				where += " → " + target
			}
			if s.Backups.S3.Enabled {
				where = fmt.Sprintf("S3 %s bucket %s", s.Backups.S3.Endpoint, s.Backups.S3.Bucket)
			}
			schedule := s.Backups.Cron
			if schedule == "" {
				schedule = "none (no scheduled backups)"
			}
			fmt.Fprintf(out, "backups: schedule %s, keep %d, to %s\n", schedule, s.Backups.CronMaxKeep, where)
			return nil
		},
	}
	cmd.Flags().StringVar(&cron, "cron", "", `schedule, a cron expression in the server's time zone, e.g. "0 3 * * *" (03:00 daily); "" stops them`)
	cmd.Flags().IntVar(&keep, "keep", 7, "scheduled backups to keep (older ones are removed)")
	cmd.Flags().StringVar(&folder, "folder", "", "keep backups in this folder (another disk): DATA/backups becomes a link to it")
	s3.bind(cmd)
	return cmd
}

// linkFolder makes dataDir/backups a link to folder, moving backups already made there.
func linkFolder(dataDir, folder string) error {
	folder, err := filepath.Abs(folder)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(folder, 0o750); err != nil {
		return err
	}
	link := filepath.Join(dataDir, core.LocalBackupsDirName)
	if target, err := os.Readlink(link); err == nil {
		if target == folder {
			return nil
		}
		return os.Remove(link)
	}
	if fi, err := os.Lstat(link); err == nil && fi.IsDir() {
		entries, err := os.ReadDir(link)
		if err != nil {
			return err
		}
		for _, e := range entries {
			if err := os.Rename(filepath.Join(link, e.Name()), filepath.Join(folder, e.Name())); err != nil {
				return fmt.Errorf("moving %s to %s: %w", e.Name(), folder, err)
			}
		}
		if err := os.Remove(link); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(dataDir, 0o750); err != nil {
		return err
	}
	return os.Symlink(folder, link)
}

func createCommand(app *pocketbase.PocketBase) *cobra.Command {
	var name string
	cmd := &cobra.Command{
		Use:   "create",
		Short: "Make a backup now, where the settings say (PocketBase's own backup: the database and the uploaded files)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := app.CreateBackup(context.Background(), name); err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), "backup made")
			return nil
		},
	}
	cmd.Flags().StringVar(&name, "name", "", "file name (…​.zip); default pb_backup_<time>.zip")
	return cmd
}

func listCommand(app *pocketbase.PocketBase) *cobra.Command {
	var s3 s3Flags
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the backups, newest first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			fsys, err := storage(app, &s3)
			if err != nil {
				return err
			}
			defer fsys.Close()
			files, err := fsys.List("")
			if err != nil {
				return err
			}
			sort.Slice(files, func(i, j int) bool { return files[i].ModTime.After(files[j].ModTime) })
			for _, f := range files {
				fmt.Fprintf(cmd.OutOrStdout(), "%s  %10d  %s\n", f.ModTime.UTC().Format("2006-01-02 15:04:05Z"), f.Size, f.Key)
			}
			return nil
		},
	}
	s3.bind(cmd)
	return cmd
}

// restoreCommand restores into dataDir(). It never runs inside the PocketBase app, which would
// open (and create) the database it replaces: main calls RunRestore first (see IsRestore).
func restoreCommand(dataDir func() string) *cobra.Command {
	var s3 s3Flags
	cmd := &cobra.Command{
		Use:   "restore BACKUP",
		Short: "Restore a backup into the data folder of a STOPPED server: BACKUP is a .zip path, or a name in the backups folder or (with --s3-*) the S3 storage",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			out := cmd.OutOrStdout()
			dataDir := dataDir()
			zip := args[0]
			if _, err := os.Stat(zip); err != nil {
				dir := filepath.Dir(filepath.Clean(dataDir))
				if s3.given() {
					fsys, err := storage(nil, &s3)
					if err != nil {
						return err
					}
					defer fsys.Close()
					if zip, err = fetch(fsys, args[0], dir); err != nil {
						return fmt.Errorf("backup %q from S3: %w", args[0], err)
					}
					defer os.Remove(zip)
				} else {
					zip = filepath.Join(dataDir, core.LocalBackupsDirName, filepath.Base(args[0]))
					if _, err := os.Stat(zip); err != nil {
						return fmt.Errorf("no backup %q: give the .zip's path, a name in %s, or the --s3-* flags", args[0], filepath.Dir(zip))
					}
				}
			}
			if err := Restore(zip, dataDir, out); err != nil {
				return err
			}
			fmt.Fprintf(out, "restored into %s; start the server, then run `azx-server audit verify`\n", dataDir)
			return nil
		},
	}
	s3.bind(cmd)
	return cmd
}
