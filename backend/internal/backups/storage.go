package backups

import (
	"fmt"
	"os"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"
	"github.com/spf13/cobra"
)

// s3Flags are the S3-compatible storage options of configure, list and restore. The secret is
// read from an environment variable, never from the command line (it would show in ps).
type s3Flags struct {
	endpoint, bucket, region, accessKey, secretEnv string
	forcePathStyle                                 bool
}

func (f *s3Flags) bind(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.endpoint, "s3-endpoint", "", "S3-compatible storage endpoint, e.g. https://oss-cn-hangzhou.aliyuncs.com")
	fl.StringVar(&f.bucket, "s3-bucket", "", "bucket")
	fl.StringVar(&f.region, "s3-region", "", "region, e.g. cn-hangzhou")
	fl.StringVar(&f.accessKey, "s3-access-key", "", "access key id")
	fl.StringVar(&f.secretEnv, "s3-secret-env", "AZX_S3_SECRET", "environment variable holding the secret key")
	fl.BoolVar(&f.forcePathStyle, "s3-force-path-style", false, "address the bucket as a path (MinIO and most self-hosted stores)")
}

func (f *s3Flags) given() bool { return f.endpoint != "" }

// config is the S3 configuration the flags describe.
func (f *s3Flags) config() (core.S3Config, error) {
	secret := os.Getenv(f.secretEnv)
	if secret == "" {
		return core.S3Config{}, fmt.Errorf("the S3 secret key is read from $%s, which is empty", f.secretEnv)
	}
	return core.S3Config{
		Enabled: true, Endpoint: f.endpoint, Bucket: f.bucket, Region: f.region,
		AccessKey: f.accessKey, Secret: secret, ForcePathStyle: f.forcePathStyle,
	}, nil
}

// storage opens where backups are kept: the S3 storage of the flags when given, else the data
// folder's own setting (PocketBase's: S3 when configured, else DATA/backups).
func storage(app core.App, f *s3Flags) (*filesystem.System, error) {
	if !f.given() && app != nil {
		return app.NewBackupsFilesystem()
	}
	c, err := f.config()
	if err != nil {
		return nil, err
	}
	return filesystem.NewS3(c.Bucket, c.Region, c.Endpoint, c.AccessKey, c.Secret, c.ForcePathStyle)
}
