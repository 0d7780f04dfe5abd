-- A minimal Neovim configuration for argmap's language server (`argmap lsp`).
--
-- Works on Neovim 0.7 (the version Debian 12 ships) and later: it uses
-- vim.lsp.start where Neovim has it (0.8+) and vim.lsp.start_client with
-- vim.lsp.buf_attach_client before that.  Use it as it is
--     nvim -u editors/neovim/init.lua maps/brown2017.argmap
-- or copy it into ~/.config/nvim/init.lua.
--
-- Settings, read when a map is opened (set them before this file runs):
--   vim.g.argmap_cmd        the server's command line, default { "argmap", "lsp" };
--                           point it at a virtual environment's argmap
--   vim.g.argmap_text_dirs  folders of article texts, after argmap.toml's text-dir

-- This file's folder holds syntax/argmap.vim (the colours before the server's
-- semantic tokens, and all of them before Neovim 0.9); a copy of both files in
-- ~/.config/nvim works the same.
vim.opt.runtimepath:append(vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":p:h"))

-- Neovim knows no .argmap files; an autocommand (not vim.filetype.add, which
-- 0.7 only honours with g:do_filetype_lua) names the filetype on every version.
vim.api.nvim_create_autocmd({ "BufRead", "BufNewFile" }, {
  pattern = "*.argmap",
  command = "setfiletype argmap",
})

-- Neovim 0.11 and later hide diagnostics' text by default; show it at the end
-- of the line, as older versions do, so that a finding is read without a
-- keystroke: its rule code and first line (the float <C-w>d opens has the hint).
vim.diagnostic.config({
  severity_sort = true,
  virtual_text = {
    format = function(d)
      local first = d.message:match("[^\n]*")
      return d.code and (d.code .. " " .. first) or first
    end,
  },
})

-- The project's folder: the nearest argmap.toml or pyproject.toml above the
-- map (as `argmap check` finds its configuration), else the git checkout,
-- else the map's own folder.  One server serves every map below it.
local function root_of(path)
  local dir = vim.fn.fnamemodify(path, ":p:h")
  for _, marker in ipairs({ "argmap.toml", "pyproject.toml" }) do
    local found = vim.fn.findfile(marker, dir .. ";")
    if found ~= "" then
      return vim.fn.fnamemodify(found, ":p:h")
    end
  end
  local git = vim.fn.finddir(".git", dir .. ";")
  if git ~= "" then
    return vim.fn.fnamemodify(git, ":p:h:h")
  end
  return dir
end

-- The keys Neovim 0.11 maps by default when a server attaches, mapped here
-- too so that older versions behave the same.
local function on_attach(_, bufnr)
  local function map(keys, action)
    vim.keymap.set("n", keys, action, { buffer = bufnr })
  end
  map("K", vim.lsp.buf.hover)
  map("gd", vim.lsp.buf.definition)
  map("grn", vim.lsp.buf.rename)
  map("gra", vim.lsp.buf.code_action)
  map("grr", vim.lsp.buf.references)
  map("gO", vim.lsp.buf.document_symbol)
  map("<C-w>d", vim.diagnostic.open_float)
  -- `argmap fmt`'s layout; vim.lsp.buf.format is 0.8's name for 0.7's formatting.
  vim.api.nvim_buf_create_user_command(bufnr, "ArgmapFormat", function()
    if vim.lsp.buf.format then
      vim.lsp.buf.format({ bufnr = bufnr })
    else
      vim.lsp.buf.formatting_sync(nil, 2000)
    end
  end, { desc = "format the map as argmap fmt does" })
end

local started = {} -- root folder -> client id, for Neovim 0.7, which has no vim.lsp.start

vim.api.nvim_create_autocmd("FileType", {
  pattern = "argmap",
  callback = function(args)
    local root = root_of(vim.api.nvim_buf_get_name(args.buf))
    local config = {
      name = "argmap",
      cmd = vim.g.argmap_cmd or { "argmap", "lsp" },
      root_dir = root,
      init_options = vim.g.argmap_text_dirs and { textDirs = vim.g.argmap_text_dirs } or nil,
      on_attach = on_attach,
    }
    if vim.lsp.start then
      vim.lsp.start(config, { bufnr = args.buf })
      return
    end
    local id = started[root]
    if id == nil or vim.lsp.get_client_by_id(id) == nil then
      id = vim.lsp.start_client(config)
      started[root] = id
    end
    if id then
      vim.lsp.buf_attach_client(args.buf, id)
    end
  end,
})
