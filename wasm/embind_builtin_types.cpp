// The Embind built-in types the control API (bindings.cpp) passes, registered instead of
// Embind's own list. Embind's library (bind.cpp) registers every built-in type at start-up:
// wide strings, emscripten::val, eighteen typed memory views, 64-bit integers. Each costs wasm
// (the registration call, its name) and glue (the JS that converts it). So the core links
// Embind's JS without that library (wasm/CMakeLists.txt), and the two functions of it the glue
// calls are here. The API passes numbers, booleans and std::string only; a binding that used any
// other type fails at once with Embind's "unbound types" error, which tests/wasm/core.test.mjs
// would show (it checks that every binding has its types bound).
#include <emscripten/bind.h>
#include <emscripten/em_macros.h>
#include <emscripten/wire.h>

#include <cstdint>
#include <cstring>
#include <string>

extern "C" {

// The name the glue prints for a type nobody registered, in its "unbound types" error. Built
// without RTTI, the core has no name to give: the error's binding name says which one it is.
EMSCRIPTEN_KEEPALIVE const char* __getTypeName(const void*) {
  return strdup("a type no binding registers");
}

EMSCRIPTEN_KEEPALIVE __attribute__((constructor)) void __embind_register_native_and_builtin_types() {
  using namespace emscripten::internal;
  _embind_register_void(TypeID<void>::get(), "void");
  _embind_register_bool(TypeID<bool>::get(), "bool", sizeof(bool), true, false);
  _embind_register_integer(TypeID<uint32_t>::get(), "unsigned int", sizeof(uint32_t), 0, UINT32_MAX);
  _embind_register_float(TypeID<double>::get(), "double", sizeof(double));
  _embind_register_std_string(TypeID<std::string>::get(), "std::string");
}

}  // extern "C"
