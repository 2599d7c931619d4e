export const id = 732;
export const ids = [732];
export const modules = {

/***/ 39732:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   deleteKindCluster: () => (/* reexport safe */ _kind_js__WEBPACK_IMPORTED_MODULE_0__.mH)
/* harmony export */ });
/* harmony import */ var _kind_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(55124);
// Flux image automation in CI: ImagePolicy selection (image-reflector-controller), Setters updates
// (image-automation-controller), commit messages, and the branch and pull request around them.












/***/ })

};
