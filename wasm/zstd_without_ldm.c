// zstd's long-distance matcher, left out of the codec. zstd turns it on only for the strategies
// from btopt up with a window of 128 MB or more, or when asked; the codec compresses with
// pinned lazy parameters and a 128 KB window at most (sdk/encode/signal_batch.cpp) and never
// passes sequences of its own. What zstd_compress.c still calls with the matcher off is
// answered here as zstd_ldm.c would answer it then; the rest cannot be reached and traps.
// It replaces zstd_ldm.c in the codec's build only (wasm/CMakeLists.txt): with the matcher go
// its 2 KB table of random hash constants and xxHash64, 6.8 KB of wasm in all.
#include "compress/zstd_ldm.h"

size_t ZSTD_ldm_getTableSize(ldmParams_t params) {
  (void)params;  // the matcher is off: no tables
  return 0;
}

size_t ZSTD_ldm_getMaxNbSeq(ldmParams_t params, size_t maxChunkSize) {
  (void)params, (void)maxChunkSize;
  return 0;
}

// The store of sequences is always empty: nothing to skip.
void ZSTD_ldm_skipSequences(rawSeqStore_t* rawSeqStore, size_t srcSize, U32 const minMatch) {
  (void)rawSeqStore, (void)srcSize, (void)minMatch;
}

void ZSTD_ldm_skipRawSeqStoreBytes(rawSeqStore_t* rawSeqStore, size_t nbBytes) {
  (void)rawSeqStore, (void)nbBytes;
}

// Only with the matcher on.
void ZSTD_ldm_adjustParameters(ldmParams_t* params, ZSTD_compressionParameters const* cParams) {
  (void)params, (void)cParams;
  __builtin_trap();
}

void ZSTD_ldm_fillHashTable(ldmState_t* state, const BYTE* ip, const BYTE* iend,
                            ldmParams_t const* params) {
  (void)state, (void)ip, (void)iend, (void)params;
  __builtin_trap();
}

size_t ZSTD_ldm_generateSequences(ldmState_t* ldms, rawSeqStore_t* sequences,
                                  ldmParams_t const* params, void const* src, size_t srcSize) {
  (void)ldms, (void)sequences, (void)params, (void)src, (void)srcSize;
  __builtin_trap();
}

size_t ZSTD_ldm_blockCompress(rawSeqStore_t* rawSeqStore, ZSTD_matchState_t* ms,
                              seqStore_t* seqStore, U32 rep[ZSTD_REP_NUM],
                              ZSTD_paramSwitch_e useRowMatchFinder, void const* src,
                              size_t srcSize) {
  (void)rawSeqStore, (void)ms, (void)seqStore, (void)rep, (void)useRowMatchFinder, (void)src,
      (void)srcSize;
  __builtin_trap();
}
