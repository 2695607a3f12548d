// An outside verifier: Digital Bazaar's @digitalbazaar/vc with the eddsa-rdfc-2022 and
// eddsa-jcs-2022 cryptosuites. Reads {credential, contexts, statusLists, now} from the
// JSON file named on the command line and prints {verified, proofs: [{cryptosuite,
// verified, error}], status}. Its document loader serves only the given contexts and
// did:key documents made from the key itself: anything else throws, so nothing is fetched
// from the network. Status (Bitstring Status List v1.0 §3.2) is read from the given
// status list credentials, whose proofs are verified the same way.
import {readFileSync} from 'node:fs';
import {gunzipSync} from 'node:zlib';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as rdfc} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {createVerifyCryptosuite} from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';

const {credential, contexts, statusLists = {}, now} = JSON.parse(readFileSync(process.argv[2], 'utf8'));

function didKey(url) {
  const [did, fragment] = url.split('#');
  const multibase = did.slice('did:key:'.length);
  const method = {
    '@context': 'https://w3id.org/security/multikey/v1',
    id: `${did}#${multibase}`, type: 'Multikey', controller: did,
    publicKeyMultibase: multibase
  };
  if(fragment) {
    if(fragment !== multibase) throw new Error(`unknown key ${url}`);
    return method;
  }
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did, verificationMethod: [method],
    assertionMethod: [method.id], authentication: [method.id]
  };
}

async function documentLoader(url) {
  if(url in contexts) {
    return {contextUrl: null, documentUrl: url, document: contexts[url]};
  }
  if(url.startsWith('did:key:z6Mk')) {
    return {contextUrl: null, documentUrl: url, document: didKey(url)};
  }
  throw new Error(`refusing to load ${url}: not shipped`);
}

const suite = [
  new DataIntegrityProof({cryptosuite: rdfc}),
  new DataIntegrityProof({cryptosuite: createVerifyCryptosuite()})
];
const at = now ? new Date(now) : new Date();

// one BitstringStatusListEntry: {purpose, set}, or throws when it cannot be checked
async function statusOf(entry) {
  const list = statusLists[entry.statusListCredential];
  if(!list) throw new Error(`no status list ${entry.statusListCredential}`);
  const checked = await vc.verifyCredential({credential: list, suite, documentLoader, now: at});
  if(!checked.verified) throw new Error(`the status list does not verify`);
  if(list.credentialSubject.statusPurpose !== entry.statusPurpose) {
    throw new Error('the status list is for another purpose');
  }
  const bits = gunzipSync(Buffer.from(list.credentialSubject.encodedList.slice(1), 'base64url'));
  const index = Number(entry.statusListIndex);
  return {purpose: entry.statusPurpose, set: Boolean(bits[index >> 3] & (0x80 >> (index % 8)))};
}

async function checkStatus({credential}) {
  try {
    const statuses = await Promise.all([].concat(credential.credentialStatus).map(statusOf));
    return {verified: statuses.every(s => !s.set), statuses};
  } catch(error) {
    return {verified: false, error};
  }
}

const result = await vc.verifyCredential({
  credential, suite, documentLoader, checkStatus, now: at
});
const proofs = (result.results || []).map(r => ({
  cryptosuite: r.proof && r.proof.cryptosuite,
  verified: r.verified,
  error: r.error ? String(r.error.message || r.error) : null
}));
console.log(JSON.stringify({
  verified: result.verified, proofs,
  status: result.statusResult ? (result.statusResult.statuses ||
    String(result.statusResult.error && result.statusResult.error.message)) : null,
  error: result.error ? String(result.error.message || result.error) +
    (result.error.errors ? ': ' + result.error.errors.map(e => e.message).join('; ') : '') : null
}));
