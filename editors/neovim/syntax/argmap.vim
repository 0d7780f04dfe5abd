" Vim syntax for argmap maps (*.argmap).  The patterns follow the VS Code
" extension's TextMate grammar (editors/vscode/syntaxes/argmap.tmLanguage.json);
" a language server's semantic tokens (Neovim 0.9 and later) colour over them.
if exists("b:current_syntax")
  finish
endif

syn match argmapComment "#.*$" contains=argmapPragma,@Spell
syn match argmapPragma "argmap: ignore\[[^]]*\]" contained

" A declaration: its word, its id, then (up to the colon) its case, stance and speaker.
syn match argmapDecl "^\s*\zs\%(argument\|case\|claim\|group\|org\|person\|thesis\)\>" nextgroup=argmapName skipwhite
syn match argmapSection "^\s*\zs\%(map\|use\|footnotes\)\>" nextgroup=argmapName skipwhite
syn match argmapName "\h[[:alnum:]_-]*" contained nextgroup=argmapHead
syn match argmapHead "[^:#]*" contained contains=argmapHeadWord,argmapOperator
syn keyword argmapHeadWord for against by from contained

" Lines inside a declaration: relations, quotations, tags and header fields.
syn match argmapRelation "^\s*\zs\%(supports\|rebuts\|undercuts\|contradicts\|concession\|quote\|wording\|in\|tags\|weight\|standard\|burden\)\>"
syn match argmapField "^\s*\zs\%(author\|published\|publisher\|url\|text\|venue\)\>"

syn match argmapLabel "\[\^[^][:space:]]\+\]:\="
syn match argmapString +"\%([^"\\]\|\\.\)*"+
syn match argmapDate "\<\d\{4}\%(-\d\d\)\{0,2}\>"
syn match argmapOperator "->\|+"
" A linked attack's word: `argument x: p + q rebuts c`.
syn match argmapRelation "\%(^\s*argument\>[^:#]*:[^#]*\)\@<=\<\%(rebuts\|supports\)\>"
" A support's or a linked argument's scheme: `... as expert_opinion` at the end of the line.
syn match argmapScheme "\%(\%(->\|supports\|rebuts\|undercuts\|contradicts\)\s*[[:alnum:]_.]\+\s\+\)\@<=as\s\+\h\w*\ze\s*\%(#.*\)\=$"

hi def link argmapComment Comment
hi def link argmapPragma SpecialComment
hi def link argmapDecl Type
hi def link argmapSection Statement
hi def link argmapName Function
hi def link argmapHeadWord Keyword
hi def link argmapRelation Keyword
hi def link argmapField Identifier
hi def link argmapLabel Label
hi def link argmapString String
hi def link argmapDate Number
hi def link argmapOperator Operator
hi def link argmapScheme Keyword

let b:current_syntax = "argmap"
