// Link setting for friction_core (wasm/CMakeLists.txt): Embind registers every built-in type
// at start-up, and its glue carries the JS for each. The control API (bindings.cpp) passes only
// numbers, booleans and std::string, so the glue for the three kinds it never passes is left
// out: wide strings (UTF-16 and UTF-32 codecs), emscripten::val (its handle table) and typed
// memory views. Their registrations become no-ops; a binding that used one of these types
// would fail at once with Embind's "unbound types" error (the wasm tests call every binding).
mergeInto(LibraryManager.library, {
  _embind_register_std_wstring__deps: [],
  _embind_register_std_wstring: function(rawType, charSize, name) {},
  _embind_register_emval__deps: [],
  _embind_register_emval: function(rawType, name) {},
  _embind_register_memory_view__deps: [],
  _embind_register_memory_view: function(rawType, dataTypeIndex, name) {},
});
