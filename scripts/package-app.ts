/**
 * Builds the Teams app package: appPackage/build/wijkbot.zip with manifest.json (bot id from MicrosoftAppId
 * when set) and the two icons. Validates the manifest offline first.
 */
import fs from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';
import { ManifestUtil } from '@microsoft/app-manifest';

async function main(): Promise<void> {
  const dir = path.resolve(__dirname, '../appPackage');
  // `--check <file>` only validates (used by the tests: the validator's dependencies need Node's own loader)
  const checkIdx = process.argv.indexOf('--check');
  const manifestPath = checkIdx > 0 ? path.resolve(process.argv[checkIdx + 1]) : path.join(dir, 'manifest.json');
  let errors: string[];
  try {
    [, errors] = await ManifestUtil.loadAndValidateFromPath(manifestPath);
  } catch (err) {
    errors = [(err as Error).message.slice(0, 500)]; // the loader throws on some shape errors instead of listing them
  }
  if (errors.length) {
    console.error(`${path.basename(manifestPath)} is ongeldig:\n` + errors.join('\n'));
    process.exit(1);
  }
  if (checkIdx > 0) {
    console.log(`${path.basename(manifestPath)} is geldig`);
    return;
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const appId = process.env.MicrosoftAppId;
  if (appId) {
    for (const b of manifest.bots ?? []) b.botId = appId;
    for (const c of manifest.composeExtensions ?? []) c.botId = appId;
  } else {
    console.warn('Let op: MicrosoftAppId is niet gezet; het pakket bevat de voorbeeld-botId.');
  }
  const out = path.join(dir, 'build');
  fs.mkdirSync(out, { recursive: true });
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), 'manifest.json');
  zip.addFile(path.join(dir, 'color.png'), 'color.png');
  zip.addFile(path.join(dir, 'outline.png'), 'outline.png');
  const file = path.join(out, 'wijkbot.zip');
  await new Promise<void>((resolve, reject) => {
    zip.outputStream.pipe(fs.createWriteStream(file)).on('close', resolve).on('error', reject);
    zip.end();
  });
  console.log(`App-pakket: ${path.relative(process.cwd(), file)}`);
}

main().catch((err) => {
  console.error(`Pakket bouwen mislukt: ${(err as Error).message}`);
  process.exit(1);
});
